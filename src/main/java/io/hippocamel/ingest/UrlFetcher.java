package io.hippocamel.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches the content of URL documents with a size cap, a timeout and, unless allowed, a refusal to reach loopback,
 * private, link-local or otherwise internal addresses (so a document URL cannot probe the server's network).
 * Redirects are followed by hand so every hop is checked.
 */
public class UrlFetcher {

    /** What a fetch returned. */
    public record Fetched(byte[] body, String contentType, URI finalUri) {
    }

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final boolean allowPrivate;
    private final long maxBytes;
    private final Duration timeout;

    public UrlFetcher(boolean allowPrivate, long maxBytes, Duration timeout) {
        this.allowPrivate = allowPrivate;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static boolean looksLikeUrl(String content) {
        if (content == null) {
            return false;
        }
        String s = content.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && !s.contains(" ") && !s.contains("\n")
                && s.length() <= 4096;
    }

    public Fetched fetch(String url) {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkAllowed(uri);
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status / 100 == 3) {
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new ExtractionException("redirect without Location from " + url));
                closeQuietly(response.body());
                uri = uri.resolve(location);
                continue;
            }
            if (status / 100 != 2) {
                closeQuietly(response.body());
                throw new ExtractionException("fetching " + uri + " failed with HTTP " + status);
            }
            byte[] body = readCapped(response.body(), uri);
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return new Fetched(body, contentType, uri);
        }
        throw new ExtractionException("too many redirects fetching " + url);
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ExtractionException("not an http(s) URL: " + url);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ExtractionException("malformed URL: " + url, e);
        }
    }

    private void checkAllowed(URI uri) {
        if (allowPrivate) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    throw new ExtractionException("URL " + uri + " points to a private or loopback address ("
                            + address.getHostAddress() + "); set hippocamel.ingest.allow-private-urls to allow it");
                }
            }
        } catch (UnknownHostException e) {
            throw new ExtractionException("unknown host in URL " + uri, e);
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                || (first == 198 && (second == 18 || second == 19)); // benchmarking 198.18/15
    }

    private HttpResponse<InputStream> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "Hippocamel/0.1 (+memory ingest)")
                .header("Accept", "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.8")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ExtractionException("fetching " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("interrupted while fetching " + uri, e);
        }
    }

    private byte[] readCapped(InputStream in, URI uri) {
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new ExtractionException("content of " + uri + " is larger than " + maxBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new ExtractionException("reading " + uri + " failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the response is discarded anyway
        }
    }
}
