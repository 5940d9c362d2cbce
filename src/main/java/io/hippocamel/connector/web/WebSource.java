package io.hippocamel.connector.web;

import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceException;
import io.hippocamel.ingest.ExtractionException;
import io.hippocamel.ingest.UrlFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crawls breadth-first from the start URL, following links of HTML pages up to {@code maxDepth} hops and
 * {@code maxPages} pages, on the start URL's host unless {@code sameHost} is off, skipping what robots.txt disallows.
 * Every run is a full crawl, so the listing is complete: pages no longer reachable (or answering 4xx) are deleted.
 * A page that fails otherwise (5xx, network) stays listed and fails its item, so it is neither lost nor deleted.
 * Fetched bodies are kept for the run; an item's version is the hash of its body.
 */
final class WebSource implements SourceClient {

    static final String AGENT = "Hippocamel";
    private static final Pattern HREF = Pattern.compile("(?i)<a\\s[^>]*?href\\s*=\\s*[\"']([^\"'#]+)");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    /** UrlFetcher reports a non-2xx answer only in its message. */
    private static final Pattern HTTP_STATUS = Pattern.compile("failed with HTTP (\\d{3})");

    private final UrlFetcher fetcher;
    private final URI start;
    private final int maxPages;
    private final int maxDepth;
    private final boolean sameHost;
    private final Map<String, UrlFetcher.Fetched> bodies = new HashMap<>();
    private final Map<String, RobotsRules> robots = new HashMap<>();

    WebSource(UrlFetcher fetcher, URI start, int maxPages, int maxDepth, boolean sameHost) {
        this.fetcher = fetcher;
        this.start = start.normalize();
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
        this.sameHost = sameHost;
    }

    @Override
    public Listing changes(String cursor) {
        List<SourceItem> items = new ArrayList<>();
        Set<String> queued = new LinkedHashSet<>();
        Deque<Object[]> queue = new ArrayDeque<>(); // (url, depth)
        String first = canonical(start);
        queue.add(new Object[] {first, 0});
        queued.add(first);
        while (!queue.isEmpty() && items.size() < maxPages) {
            Object[] next = queue.poll();
            String url = (String) next[0];
            int depth = (Integer) next[1];
            URI uri = URI.create(url);
            if (!rulesFor(uri).allows(pathAndQuery(uri))) {
                continue;
            }
            UrlFetcher.Fetched page;
            try {
                page = fetcher.fetch(url);
            } catch (ExtractionException e) {
                Matcher status = HTTP_STATUS.matcher(String.valueOf(e.getMessage()));
                boolean gone = status.find() && status.group(1).startsWith("4");
                if (url.equals(first)) {
                    throw new SourceException(SourceException.Code.PROVIDER_UNAVAILABLE, "start URL: "
                            + e.getMessage());
                }
                if (!gone) {
                    items.add(new SourceItem(url, url, url, uri.getPath(), null, null, "failed: " + e.getMessage()));
                }
                continue;
            }
            bodies.put(url, page);
            String body = new String(page.body(), StandardCharsets.UTF_8);
            boolean html = page.contentType() == null
                    || page.contentType().toLowerCase(Locale.ROOT).contains("html");
            items.add(new SourceItem(url, html ? title(body, url) : lastSegment(uri), url, uri.getPath(), null,
                    sha256(page.body()), null));
            if (html && depth < maxDepth) {
                Matcher links = HREF.matcher(body);
                while (links.find()) {
                    String link = resolve(page.finalUri(), links.group(1).strip());
                    if (link != null && queued.add(link)) {
                        queue.add(new Object[] {link, depth + 1});
                    }
                }
            }
        }
        return new Listing(items, List.of(), true, null);
    }

    @Override
    public SourceContent content(SourceItem item) {
        if (item.ref() != null) {
            throw new SourceException(SourceException.Code.PROVIDER_UNAVAILABLE, item.ref());
        }
        UrlFetcher.Fetched page = bodies.get(item.sourceId());
        String type = page.contentType() == null ? "text/html" : page.contentType().split(";")[0].strip();
        String name = lastSegment(URI.create(item.sourceId()));
        return new SourceContent(page.body(), type.contains("html") && !name.endsWith(".html")
                ? name + ".html" : name, type);
    }

    /** The link as an absolute http(s) URL without fragment, or null when it must not be followed. */
    private String resolve(URI base, String href) {
        try {
            URI uri = base.resolve(href.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            if (sameHost && !uri.getHost().equalsIgnoreCase(start.getHost())) {
                return null;
            }
            return canonical(uri);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String canonical(URI uri) {
        URI clean = uri.normalize();
        String path = clean.getRawPath() == null || clean.getRawPath().isEmpty() ? "/" : clean.getRawPath();
        return clean.getScheme().toLowerCase(Locale.ROOT) + "://" + clean.getRawAuthority().toLowerCase(Locale.ROOT)
                + path + (clean.getRawQuery() == null ? "" : "?" + clean.getRawQuery());
    }

    private RobotsRules rulesFor(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return robots.computeIfAbsent(origin, o -> {
            try {
                return RobotsRules.parse(new String(fetcher.fetch(o + "/robots.txt").body(), StandardCharsets.UTF_8),
                        AGENT);
            } catch (ExtractionException e) {
                return RobotsRules.ALLOW_ALL; // no robots.txt (or unreachable): nothing disallowed
            }
        });
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String title(String html, String fallback) {
        Matcher m = TITLE.matcher(html);
        return m.find() ? m.group(1).replaceAll("\\s+", " ").strip() : fallback;
    }

    private static String lastSegment(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "index" : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
