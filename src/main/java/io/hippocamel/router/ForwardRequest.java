package io.hippocamel.router;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What goes to the upstream besides the body: the validated URL, the method and the client's headers that may pass
 * (the provider's own auth among them; never Hippocamel's key or the x-sm-* headers).
 */
public record ForwardRequest(URI upstream, String method, Map<String, List<String>> headers) {

    public ForwardRequest {
        headers = Map.copyOf(headers);
    }
}
