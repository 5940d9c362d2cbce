package io.hippocamel.connector.web;

import org.apache.commons.codec.digest.DigestUtils;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceException;
import io.hippocamel.ingest.ExtractionException;
import io.hippocamel.ingest.UrlFetcher;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Crawls breadth-first from the start URL, following links of HTML pages (parsed with jsoup) up to {@code maxDepth}
 * hops and {@code maxPages} pages, on the start URL's host unless {@code sameHost} is off, skipping what robots.txt
 * disallows (crawler-commons, RFC 9309: a robots.txt answering 4xx allows all; one answering 5xx or unreachable
 * disallows all, so the run fails when it is the start URL's, and other pages of that origin fail their item).
 * Every run is a full crawl, so the listing is complete: pages no longer reachable (or answering 4xx) are deleted.
 * A page that fails otherwise (5xx, network) stays listed and fails its item, so it is neither lost nor deleted.
 * Fetched bodies are kept for the run; an item's version is the hash of its body.
 */
final class WebSource implements SourceClient {

    /** Our robots.txt user-agent token (matched case-insensitively). */
    static final String AGENT = "hippocamel";
    private static final SimpleRobotRulesParser ROBOTS = new SimpleRobotRulesParser();

    private final UrlFetcher fetcher;
    private final URI start;
    private final int maxPages;
    private final int maxDepth;
    private final boolean sameHost;
    private final Map<String, UrlFetcher.Fetched> bodies = new HashMap<>();
    /** Per origin: the rules, and why they disallow everything when robots.txt could not be read. */
    private final Map<String, Robots> robots = new HashMap<>();

    private record Robots(BaseRobotRules rules, String unavailable) {
    }

    WebSource(UrlFetcher fetcher, URI start, int maxPages, int maxDepth, boolean sameHost) {
        this.fetcher = fetcher;
        this.start = start.normalize();
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
        this.sameHost = sameHost;
    }

    @Override
    public Listing changes(String cursor, Set<String> synced) {
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
            Robots robotsTxt = robotsFor(uri);
            if (!robotsTxt.rules().isAllowed(url)) {
                if (robotsTxt.unavailable() == null) {
                    continue; // disallowed by the site: not crawled (and deleted if it was stored)
                }
                if (url.equals(first)) {
                    throw new SourceException(SourceException.Code.PROVIDER_UNAVAILABLE, robotsTxt.unavailable());
                }
                items.add(new SourceItem(url, url, url, uri.getPath(), null, null, "failed: "
                        + robotsTxt.unavailable())); // kept, not deleted, until robots.txt answers again
                continue;
            }
            UrlFetcher.Fetched page;
            try {
                page = fetcher.fetch(url);
            } catch (ExtractionException e) {
                boolean gone = e instanceof UrlFetcher.HttpStatusException status && status.status() / 100 == 4;
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
            boolean html = page.contentType() == null
                    || page.contentType().toLowerCase(Locale.ROOT).contains("html");
            Document doc = html ? parse(page) : null;
            items.add(new SourceItem(url, html ? title(doc, url) : lastSegment(uri), url, uri.getPath(), null,
                    DigestUtils.sha256Hex(page.body()), null));
            if (html && depth < maxDepth) {
                for (Element anchor : doc.select("a[href]")) {
                    String link = resolve(anchor.attr("abs:href"));
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

    /** The link (absolute, as jsoup resolved it) as an http(s) URL without fragment, or null to leave it. */
    private String resolve(String href) {
        if (href.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(href.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            if (sameHost && !uri.getHost().equalsIgnoreCase(start.getHost())) {
                return null;
            }
            return canonical(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String canonical(URI uri) {
        URI clean = uri.normalize();
        String path = clean.getRawPath() == null || clean.getRawPath().isEmpty() ? "/" : clean.getRawPath();
        return clean.getScheme().toLowerCase(Locale.ROOT) + "://" + clean.getRawAuthority().toLowerCase(Locale.ROOT)
                + path + (clean.getRawQuery() == null ? "" : "?" + clean.getRawQuery());
    }

    private Robots robotsFor(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return robots.computeIfAbsent(origin, o -> {
            String url = o + "/robots.txt";
            try {
                UrlFetcher.Fetched robotsTxt = fetcher.fetch(url);
                return new Robots(ROBOTS.parseContent(url, robotsTxt.body(), robotsTxt.contentType(), List.of(AGENT)),
                        null);
            } catch (UrlFetcher.HttpStatusException e) {
                BaseRobotRules rules = ROBOTS.failedFetch(e.status()); // 4xx: allow all; 5xx: disallow all
                return new Robots(rules, rules.isAllowNone() ? deferred(e) : null);
            } catch (ExtractionException e) {
                return new Robots(ROBOTS.failedFetch(503), deferred(e)); // unreachable counts as 5xx
            }
        });
    }

    private static String deferred(ExtractionException e) {
        return "robots.txt unavailable, crawling deferred (RFC 9309): " + e.getMessage();
    }

    private static Document parse(UrlFetcher.Fetched page) {
        try {
            // the charset from the Content-Type or a <meta> tag, else UTF-8
            return Jsoup.parse(new ByteArrayInputStream(page.body()), charset(page.contentType()),
                    page.finalUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        String name = at < 0 ? "" : contentType.substring(at + 8).replaceAll("[\"';].*", "").strip();
        try {
            return Charset.isSupported(name) ? name : null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String title(Document doc, String fallback) {
        String title = doc.title();
        return title.isBlank() ? fallback : title;
    }

    private static String lastSegment(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "index" : name;
    }

}
