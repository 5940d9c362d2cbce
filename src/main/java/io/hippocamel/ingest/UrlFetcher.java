package io.hippocamel.ingest;

import io.hippocamel.http.HttpClients;
import io.hippocamel.http.HttpSettings;
import io.hippocamel.http.PublicAddressResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Fetches the content of URL documents with a size cap, a timeout and, unless allowed, a refusal to reach loopback,
 * private, link-local or otherwise internal addresses (so a document URL cannot probe the server's network). The
 * check is done by the client's DNS resolver, so every connection, redirect hops included, goes to an address that
 * was checked. Rate limits and 5xx are retried twice, honouring {@code Retry-After} up to 10 seconds.
 */
public class UrlFetcher {

    /** What a fetch returned. */
    public record Fetched(byte[] body, String contentType, URI finalUri) {
    }

    /** The server answered with a status other than 2xx (after redirects and retries). */
    public static final class HttpStatusException extends ExtractionException {
        private final int status;

        HttpStatusException(URI uri, int status) {
            super("fetching " + uri + " failed with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final CloseableHttpClient http;
    private final long maxBytes;

    public UrlFetcher(boolean allowPrivate, long maxBytes, Duration timeout) {
        this(allowPrivate, maxBytes, timeout, null);
    }

    /** @param dns the lookup behind the address check (null: the system's DNS); tests pass their own */
    public UrlFetcher(boolean allowPrivate, long maxBytes, Duration timeout, DnsResolver dns) {
        this(allowPrivate, maxBytes, timeout, dns, null);
    }

    /** Test seam: {@code sockets} makes the client's plain sockets (null: the default). */
    UrlFetcher(boolean allowPrivate, long maxBytes, Duration timeout, DnsResolver dns, DetachedSocketFactory sockets) {
        this.maxBytes = maxBytes;
        this.http = HttpClients.create(new HttpSettings(timeout, timeout, 2, Duration.ofMillis(500),
                Duration.ofSeconds(10)), new PublicAddressResolver(dns, allowPrivate), sockets);
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
        HttpGet get = new HttpGet(uri);
        get.setHeader("User-Agent", "Hippocamel/0.1 (+memory ingest)");
        get.setHeader("Accept", "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.8");
        HttpClientContext context = HttpClientContext.create();
        try (ClassicHttpResponse response = http.executeOpen(null, get, context)) {
            List<URI> hops = context.getRedirectLocations().getAll();
            URI finalUri = hops.isEmpty() ? uri : hops.get(hops.size() - 1);
            if (response.getCode() / 100 != 2) {
                throw new HttpStatusException(finalUri, response.getCode());
            }
            Header type = response.getFirstHeader("Content-Type");
            return new Fetched(readCapped(response.getEntity(), finalUri, get), type == null ? null : type.getValue(),
                    finalUri);
        } catch (PublicAddressResolver.PrivateAddressException e) {
            throw new ExtractionException("URL " + uri + " points to a private or loopback address ("
                    + e.getMessage() + "); set hippocamel.ingest.allow-private-urls to allow it", e);
        } catch (UnknownHostException e) {
            throw new ExtractionException("unknown host in URL " + uri, e);
        } catch (IOException e) {
            throw new ExtractionException("fetching " + uri + " failed: " + e.getMessage(), e);
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ExtractionException("not an http(s) URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ExtractionException("malformed URL: " + url, e);
        }
    }

    private byte[] readCapped(HttpEntity entity, URI uri, HttpGet request) {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                request.abort(); // closes the connection: closing the stream would otherwise read the rest
                throw new ExtractionException("content of " + uri + " is larger than " + maxBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new ExtractionException("reading " + uri + " failed: " + e.getMessage(), e);
        }
    }
}
