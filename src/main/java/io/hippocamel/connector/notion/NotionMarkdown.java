package io.hippocamel.connector.notion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Notion JSON to Markdown: rich text with its annotations, one block (the caller recurses into children), page
 * titles and property values. Pure functions, no I/O.
 */
final class NotionMarkdown {

    private NotionMarkdown() {
    }

    /** Rich text items with bold, italic, strikethrough, code and links. */
    static String richText(JsonNode items) {
        StringBuilder out = new StringBuilder();
        for (JsonNode item : items) {
            String text = item.path("plain_text").asText("");
            if (text.isEmpty()) {
                continue;
            }
            JsonNode a = item.path("annotations");
            if (a.path("code").asBoolean()) {
                text = "`" + text + "`";
            }
            if (a.path("bold").asBoolean()) {
                text = "**" + text + "**";
            }
            if (a.path("italic").asBoolean()) {
                text = "*" + text + "*";
            }
            if (a.path("strikethrough").asBoolean()) {
                text = "~~" + text + "~~";
            }
            if (item.hasNonNull("href")) {
                text = "[" + text + "](" + item.get("href").asText() + ")";
            }
            out.append(text);
        }
        return out.toString();
    }

    /**
     * One block as Markdown lines, prefixed by {@code indent}; {@code numberInList} is its position in a run of
     * numbered items. Tables are rendered by {@link #tableRow}; unsupported blocks give an empty string.
     */
    static String block(JsonNode block, String indent, int numberInList) {
        String type = block.path("type").asText();
        JsonNode body = block.path(type);
        String text = richText(body.path("rich_text"));
        return switch (type) {
            case "paragraph" -> text.isEmpty() ? "" : indent + text;
            case "heading_1" -> "# " + text;
            case "heading_2" -> "## " + text;
            case "heading_3", "heading_4" -> "### " + text;
            case "bulleted_list_item", "toggle" -> indent + "- " + text;
            case "numbered_list_item" -> indent + numberInList + ". " + text;
            case "to_do" -> indent + "- [" + (body.path("checked").asBoolean() ? "x" : " ") + "] " + text;
            case "quote" -> indent + "> " + text;
            case "callout" -> indent + "> " + emoji(body.path("icon")) + text;
            case "code" -> indent + "```" + body.path("language").asText("") + "\n" + text + "\n" + indent + "```";
            case "equation" -> indent + "$$" + body.path("expression").asText() + "$$";
            case "divider" -> indent + "---";
            case "child_page" -> indent + "[" + body.path("title").asText() + "]";
            case "child_database" -> indent + "[" + body.path("title").asText() + " (database)]";
            case "bookmark", "embed", "link_preview" -> indent + "<" + body.path("url").asText() + ">";
            case "image", "video", "pdf", "file", "audio" -> indent + "![" + richText(body.path("caption")) + "]("
                    + body.path(body.path("type").asText()).path("url").asText() + ")";
            default -> "";
        };
    }

    static String tableRow(JsonNode row) {
        List<String> cells = new ArrayList<>();
        row.path("table_row").path("cells").forEach(cell -> cells.add(richText(cell).replace("|", "\\|")));
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String emoji(JsonNode icon) {
        return icon.hasNonNull("emoji") ? icon.get("emoji").asText() + " " : "";
    }

    /** The page's title: the value of its one property of type title. */
    static String title(JsonNode page) {
        for (JsonNode property : page.path("properties")) {
            if ("title".equals(property.path("type").asText())) {
                return richText(property.path("title"));
            }
        }
        return "";
    }

    /** Every property but the title, as "Name: value" lines (database rows carry their fields here). */
    static List<String> properties(JsonNode page) {
        List<String> lines = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = page.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!"title".equals(field.getValue().path("type").asText())) {
                String value = propertyValue(field.getValue());
                if (!value.isBlank()) {
                    lines.add(field.getKey() + ": " + value);
                }
            }
        }
        return lines;
    }

    static String propertyValue(JsonNode property) {
        String type = property.path("type").asText();
        JsonNode value = property.path(type);
        return switch (type) {
            case "rich_text", "title" -> richText(value);
            case "number" -> value.isNull() || value.isMissingNode() ? "" : value.asText();
            case "select", "status" -> value.path("name").asText("");
            case "multi_select" -> join(value, "name");
            case "people" -> join(value, "name");
            case "date" -> value.path("start").asText("")
                    + (value.hasNonNull("end") ? " – " + value.get("end").asText() : "");
            case "checkbox" -> value.asBoolean() ? "yes" : "no";
            case "url", "email", "phone_number", "created_time", "last_edited_time" ->
                    value.isNull() ? "" : value.asText("");
            case "formula" -> propertyValue(value);
            case "string", "boolean" -> value.asText("");
            default -> "";
        };
    }

    private static String join(JsonNode items, String field) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path(field).asText()));
        return String.join(", ", names);
    }
}
