package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.tenancy.RequestRules;
import io.hippocamel.conversation.ConversationService;
import io.hippocamel.conversation.MessageText;
import io.hippocamel.conversation.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * POST /v4/conversations: stores a conversation's messages as one document per conversation, appending only the
 * turns not stored yet (the same conversations the Memory Router writes), scoped by container tag.
 */
public class ConversationApi {

    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "tool");

    private final ConversationService conversations;
    private final RequestReader reader;

    public ConversationApi(ConversationService conversations, RequestReader reader) {
        this.conversations = conversations;
        this.reader = reader;
    }

    public ApiResponse add(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        String conversationId = RequestReader.string(node, "conversationId", true, 255);
        if (conversationId.isBlank()) {
            throw ApiException.badRequest("conversationId must not be empty");
        }
        JsonNode messages = node.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiException.badRequest("messages must be a non-empty array");
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode m : messages) {
            String role = m.path("role").asText("");
            if (!ROLES.contains(role)) {
                throw ApiException.badRequest("each message needs a role: user, assistant, system or tool");
            }
            if (!m.has("content")) {
                throw ApiException.badRequest("each message needs content");
            }
            if (!role.equals("system")) {
                turns.add(new Turn(role, MessageText.of(m.get("content"))));
            }
        }
        Map<String, Object> metadata = RequestRules.metadata(node.get("metadata"), false);
        ConversationService.Appended appended = conversations.append(new ConversationService.Append(tenant,
                RequestReader.documentTag(node, null), conversationId, turns,
                metadata == null ? Map.of() : metadata));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", appended.documentId());
        out.put("conversationId", conversationId);
        out.put("status", appended.status());
        return ApiResponse.ok(out);
    }
}
