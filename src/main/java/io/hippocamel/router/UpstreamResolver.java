package io.hippocamel.router;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Turns the router path ({@code /v3/https://api.openai.com/v1/chat/completions}, or with the double slash collapsed
 * to {@code https:/}) into the upstream URL, and refuses every upstream outside the configured allow-list: the
 * router must never become an open proxy.
 */
public class UpstreamResolver {

    private static final String PREFIX = "/v3/";
    private final List<URI> allowed;

    public UpstreamResolver(List<String> allowedUpstreams) {
        this.allowed = allowedUpstreams.stream().map(UpstreamResolver::parseAllowed).toList();
    }

    /**
     * @param path  the request path, starting with /v3/
     * @param query the raw query string without the router's own {@code userId} parameter, or null
     */
    public URI resolve(String path, String query) {
        if (path == null || !path.startsWith(PREFIX)) {
            throw new RouterException(404, "not a router path: " + path);
        }
        String target = path.substring(PREFIX.length()).replaceFirst("^(?i)(https?):/+", "$1://");
        if (escapesPrefix(target)) {
            throw new RouterException(403, "the upstream path must not contain dot segments ('.', '..'), "
                    + "backslashes or encoded slashes");
        }
        URI uri;
        try {
            uri = new URI(target + (query == null || query.isBlank() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            throw new RouterException(400, "the upstream URL in the path is malformed: " + target);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new RouterException(400, "the path must carry the upstream base URL, e.g. "
                    + "/v3/https://api.openai.com/v1/chat/completions");
        }
        if (uri.getRawUserInfo() != null || allowed.stream().noneMatch(a -> covers(a, uri))) {
            throw new RouterException(403, "upstream " + scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? ""
                    : ":" + uri.getPort()) + " is not in hippocamel.router.allowed-upstreams");
        }
        return uri;
    }

    /**
     * Whether the path could mean something else once an upstream (or a proxy before it) normalises it: a dot
     * segment, also percent-encoded (once or more) or with a path parameter ({@code ..;x}), a backslash or an encoded
     * slash. Such a path could leave the allowed prefix after the check, so it is refused rather than rewritten.
     */
    static boolean escapesPrefix(String target) {
        int query = target.indexOf('?');
        String raw = query < 0 ? target : target.substring(0, query);
        if (raw.contains("\\") || raw.toLowerCase(Locale.ROOT).matches(".*%(25)*(2f|5c).*")) {
            return true;
        }
        for (String segment : raw.split("/", -1)) {
            String decoded = segment;
            for (int i = 0; i < 4 && decoded.contains("%"); i++) {
                try {
                    decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return true;
                }
            }
            String name = decoded.split(";", 2)[0].strip();
            if (name.equals(".") || name.equals("..") || decoded.contains("\\") || decoded.contains("/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(URI allowed, URI target) {
        return allowed.getScheme().equalsIgnoreCase(target.getScheme())
                && allowed.getHost().equalsIgnoreCase(target.getHost())
                && port(allowed) == port(target)
                && pathOf(target).startsWith(pathOf(allowed));
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return path.endsWith("/") ? path : path + "/";
    }

    private static URI parseAllowed(String prefix) {
        URI uri = URI.create(prefix.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("hippocamel.router.allowed-upstreams entry is not a URL: " + prefix);
        }
        return uri;
    }
}
