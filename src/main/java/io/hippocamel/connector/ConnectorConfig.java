package io.hippocamel.connector;

import java.nio.file.Path;
import java.util.Map;

/**
 * One connector instance as declared in {@code connectors/<file>.yaml}, validated, with secrets resolved.
 *
 * @param id            stable id; prefixes the customId of every document it writes
 * @param type          source type: google-drive, notion, filesystem, web
 * @param schedule      Quartz cron expression
 * @param containerTag  the container tag its documents belong to
 * @param documentLimit most documents the connector keeps (1–10,000)
 * @param enabled       disabled connectors are listed but never run
 * @param settings      type-specific settings, placeholders resolved
 * @param file          the YAML file it came from, for messages
 */
public record ConnectorConfig(String id, String type, String schedule, String containerTag, int documentLimit,
                              boolean enabled, Map<String, String> settings, Path file) {

    public ConnectorConfig {
        settings = Map.copyOf(settings);
    }

    /** A setting, or the fallback when it is not set. */
    public String setting(String key, String fallback) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Never prints settings: they may hold secrets. */
    @Override
    public String toString() {
        return "ConnectorConfig[id=" + id + ", type=" + type + ", schedule=" + schedule + ", containerTag="
                + containerTag + ", documentLimit=" + documentLimit + ", enabled=" + enabled + ", file=" + file + "]";
    }
}
