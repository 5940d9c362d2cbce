package io.hippocamel.connector.web;

import io.hippocamel.connector.ConnectorConfig;
import io.hippocamel.connector.ConnectorConfigException;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceSettings;
import io.hippocamel.connector.SourceType;
import io.hippocamel.ingest.UrlFetcher;
import java.util.Set;

/**
 * {@code type: web}. Settings: {@code startUrl}, {@code maxPages} (default 100, at most 10,000), {@code maxDepth}
 * (link hops from the start page, default 3), {@code sameHost} (default true). Pages are fetched with the core's URL
 * fetcher, so {@code hippocamel.ingest.allow-private-urls} and its size cap and timeout apply.
 */
public class WebSourceType implements SourceType {

    public static final String NAME = "web";

    private final UrlFetcher fetcher;

    public WebSourceType(UrlFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredSettings() {
        return Set.of("startUrl");
    }

    @Override
    public Set<String> optionalSettings() {
        return Set.of("maxPages", "maxDepth", "sameHost");
    }

    @Override
    public void validate(ConnectorConfig config) {
        open(config);
    }

    @Override
    public SourceClient open(ConnectorConfig config) {
        String sameHost = config.setting("sameHost", "true");
        if (!sameHost.equals("true") && !sameHost.equals("false")) {
            throw new ConnectorConfigException(config.file(), "settings.sameHost", "must be true or false");
        }
        return new WebSource(fetcher, SourceSettings.url(config, "startUrl", null),
                SourceSettings.integer(config, "maxPages", 100, 1, 10_000),
                SourceSettings.integer(config, "maxDepth", 3, 0, 100), Boolean.parseBoolean(sameHost));
    }
}
