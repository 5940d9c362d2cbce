package io.hippocamel.router;

import io.hippocamel.tenancy.RequestRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hippocamel.HippocamelConstants;
import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.conversation.ConversationService;
import io.hippocamel.conversation.Turn;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * First router step, at the HTTP edge: authenticates the Hippocamel key, resolves and checks the upstream, works
 * out user and conversation, keeps the headers that may go upstream, and turns the request into a
 * {@link ChatCall} (chat endpoints) or a {@link PassthroughCall} (anything else under the upstream).
 */
public class RouterRequestReader implements Processor {

    /** Never forwarded: hop-by-hop headers, Hippocamel's own, and compression (answers must stay readable). */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "proxy-connection",
            "accept-encoding", "cookie", "expect", "forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-real-ip");

    private final ApiKeys keys;
    private final UpstreamResolver resolver;
    private final TokenCounter tokens;
    private final ObjectMapper json;

    public RouterRequestReader(ApiKeys keys, UpstreamResolver resolver, TokenCounter tokens, ObjectMapper json) {
        this.keys = keys;
        this.resolver = resolver;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        HttpServletRequest http = ((PlatformHttpMessage) exchange.getMessage()).getRequest();
        if (!HippocamelConstants.isRouterPath(http.getRequestURI())) {
            // an API path this server does not serve, not an upstream: no key check, a plain 404
            throw new RouterException(404, "no endpoint at " + http.getMethod() + " " + http.getRequestURI());
        }
        String key = firstHeader(http, HippocamelConstants.ROUTER_API_KEY, "x-supermemory--api-key");
        String tenant = keys.tenantFor(key).orElseThrow(() -> new RouterException(401, key == null
                ? "Missing x-supermemory-api-key header" : "Invalid x-supermemory-api-key"));
        Map<String, String> query = queryParams(http.getQueryString());
        URI upstream = resolver.resolve(http.getRequestURI(), queryWithout(http.getQueryString(), "userId"));
        byte[] body = exchange.getMessage().getBody(byte[].class);
        ForwardRequest forward = new ForwardRequest(upstream, http.getMethod(), forwardHeaders(http));
        exchange.getMessage().removeHeaders("*");

        Provider provider = chatProvider(http.getMethod(), upstream.getPath());
        ObjectNode chat = provider == null ? null : chatBody(body);
        if (chat == null) {
            exchange.getMessage().setBody(new PassthroughCall(forward, body == null ? new byte[0] : body));
            return;
        }
        String user = firstNonBlank(http.getHeader(HippocamelConstants.ROUTER_USER_ID),
                chat.path("user").isTextual() ? chat.get("user").asText() : null,
                chat.path("metadata").path("user_id").isTextual() ? chat.path("metadata").get("user_id").asText()
                        : null,
                query.get("userId"));
        String conversation = firstNonBlank(http.getHeader(HippocamelConstants.ROUTER_CONVERSATION_ID));
        List<Turn> turns = ChatMessages.turns(chat);
        int tokenCount = countTokens(chat, provider);
        RouterStats stats = RouterStats.initial(tokenCount);
        String tag = null;
        if (user == null) {
            stats = stats.withError("no user id: send x-sm-user-id, the body's user field or ?userId=");
        } else if (!RequestRules.isContainerTag(user)) {
            stats = stats.withError("user id must be 1-100 letters, digits, '-', '_', ':' or '.'");
        } else {
            tag = user;
        }
        if (conversation == null) {
            conversation = ConversationService.derivedId(user, turns);
        }
        ChatCall call = new ChatCall(tenant, tag, conversation, provider, forward, chat, chat.deepCopy(),
                chat.path("stream").asBoolean(false), List.of(), stats);
        exchange.setProperty(HippocamelConstants.ROUTER_CALL, call);
        exchange.getMessage().setBody(call);
    }

    private int countTokens(ObjectNode chat, Provider provider) {
        int total = provider == Provider.ANTHROPIC ? tokens.count(ChatMessages.systemPrompt(chat, provider)) : 0;
        for (JsonNode m : ChatMessages.messages(chat)) {
            total += tokens.message(m);
        }
        return total;
    }

    static Provider chatProvider(String method, String path) {
        if (!"POST".equalsIgnoreCase(method) || path == null) {
            return null;
        }
        if (path.endsWith("/chat/completions")) {
            return Provider.OPENAI;
        }
        return path.endsWith("/messages") ? Provider.ANTHROPIC : null;
    }

    private ObjectNode chatBody(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node instanceof ObjectNode o && o.path("messages").isArray() ? o : null;
        } catch (IOException e) {
            return null; // not our business: the upstream will answer the malformed request itself
        }
    }

    private static Map<String, List<String>> forwardHeaders(HttpServletRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || lower.startsWith("x-supermemory") || lower.startsWith("x-sm-")
                    || lower.startsWith("camel")) {
                continue;
            }
            headers.put(name, new ArrayList<>(Collections.list(http.getHeaders(name))));
        }
        return headers;
    }

    static String queryWithout(String rawQuery, String parameter) {
        if (rawQuery == null || rawQuery.isBlank()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!name.equals(parameter)) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    private static Map<String, String> queryParams(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                params.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static String firstHeader(HttpServletRequest http, String... names) {
        for (String name : names) {
            String v = http.getHeader(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
