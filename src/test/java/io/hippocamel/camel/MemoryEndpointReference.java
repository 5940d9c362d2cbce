package io.hippocamel.camel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Renders the README's endpoint reference (options and headers) from the component's own annotations, so the
 * documentation is generated from the descriptions in the code and a test can tell when they drift apart.
 */
final class MemoryEndpointReference {

    private MemoryEndpointReference() {
    }

    static String optionsTable() {
        StringBuilder out = new StringBuilder("| option | operations | default | description |\n|---|---|---|---|\n");
        for (Field field : MemoryEndpoint.class.getDeclaredFields()) {
            UriPath path = field.getAnnotation(UriPath.class);
            if (path != null) {
                out.append(row("`" + field.getName() + "` (path, required)", "", "", path.description()));
            }
            UriParam param = field.getAnnotation(UriParam.class);
            if (param != null) {
                String name = param.prefix().isEmpty() ? field.getName() : param.prefix() + "*";
                String operations = MemoryOperation.operationsAccepting(field.getName());
                out.append(row("`" + name + "`" + (param.secret() ? " (secret)" : ""),
                        operations.equals(allOperations()) ? "all" : operations,
                        param.defaultValue().isEmpty() ? "" : "`" + param.defaultValue() + "`", param.description()));
            }
        }
        return out.toString();
    }

    static String headersTable() {
        StringBuilder out = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        for (Field field : MemoryConstants.class.getDeclaredFields()) {
            Metadata meta = field.getAnnotation(Metadata.class);
            if (meta != null && Modifier.isStatic(field.getModifiers())) {
                try {
                    out.append(row("`" + field.get(null) + "`", "`" + meta.javaType().replace("java.util.", "") + "`",
                            meta.description()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out.toString();
    }

    private static String allOperations() {
        return Arrays.stream(MemoryOperation.values()).map(MemoryOperation::path).collect(Collectors.joining(", "));
    }

    private static String row(String... cells) {
        return "| " + Arrays.stream(cells).map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | "))
                + " |\n";
    }

    /** Prints both tables, to paste into the README. */
    public static void main(String[] args) {
        System.out.println(optionsTable());
        System.out.println(headersTable());
    }
}
