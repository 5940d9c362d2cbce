package io.hippocamel.connector.notion;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.connector.ConnectorConfig;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceHttp;
import io.hippocamel.connector.SourceSettings;
import io.hippocamel.connector.SourceType;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code type: notion}. Settings: {@code token} (an internal integration's secret), {@code apiBaseUrl} (default
 * https://api.notion.com), {@code notionVersion} (default 2022-06-28, the version whose shapes this client reads),
 * {@code requestsPerSecond} (default 3, Notion's average limit), {@code reconcileInterval} (default 24h: how often a
 * run lists every page), {@code presenceChecks} (default 100: how many synced pages that an incremental run did not
 * see it looks up, so unshared and archived pages go at the next run), plus the HTTP retry settings.
 */
public class NotionSourceType implements SourceType {

    public static final String NAME = "notion";

    private final ObjectMapper json;

    public NotionSourceType(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredSettings() {
        return Set.of("token");
    }

    @Override
    public Set<String> optionalSettings() {
        return SourceSettings.withHttp("apiBaseUrl", "notionVersion", "requestsPerSecond", "reconcileInterval",
                "presenceChecks");
    }

    @Override
    public void validate(ConnectorConfig config) {
        open(config);
    }

    @Override
    public SourceClient open(ConnectorConfig config) {
        int perSecond = SourceSettings.integer(config, "requestsPerSecond", 3, 1, 1000);
        SourceHttp http = SourceHttp.standard(SourceSettings.policy(config, Duration.ofMillis(1000 / perSecond),
                null));
        return new NotionSource(http, json, Clock.systemUTC(),
                SourceSettings.url(config, "apiBaseUrl", "https://api.notion.com").toString(),
                config.settings().get("token"), config.setting("notionVersion", "2022-06-28"),
                SourceSettings.duration(config, "reconcileInterval", Duration.ofHours(24)),
                SourceSettings.integer(config, "presenceChecks", 100, 0, 10_000));
    }
}
