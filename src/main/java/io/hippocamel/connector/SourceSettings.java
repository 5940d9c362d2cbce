package io.hippocamel.connector;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.springframework.boot.convert.DurationStyle;

/**
 * Typed reads of connector settings shared by the source types; a bad value is a {@link ConnectorConfigException}
 * naming the file and the setting. HTTP sources also take {@code maxRetries} (default 5), {@code retryBaseDelay}
 * (default 1s) and {@code maxRetryDelay} (default 60s).
 */
public final class SourceSettings {

    private static final List<String> HTTP = List.of("maxRetries", "retryBaseDelay", "maxRetryDelay");

    private SourceSettings() {
    }

    /** The given setting names plus the HTTP retry settings. */
    public static Set<String> withHttp(String... names) {
        Set<String> all = new HashSet<>(List.of(names));
        all.addAll(HTTP);
        return all;
    }

    public static URI url(ConnectorConfig config, String key, String fallback) {
        String value = config.setting(key, fallback);
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectorConfigException(config.file(), "settings." + key, "'" + value
                    + "' is not an http(s) URL");
        }
    }

    public static int integer(ConnectorConfig config, String key, int fallback, int min, int max) {
        String value = config.setting(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConnectorConfigException(config.file(), "settings." + key, "must be a whole number from "
                    + min + " to " + max);
        }
    }

    public static Duration duration(ConnectorConfig config, String key, Duration fallback) {
        String value = config.setting(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            Duration parsed = DurationStyle.detectAndParse(value.strip());
            if (parsed.isNegative()) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new ConnectorConfigException(config.file(), "settings." + key,
                    "must be a duration such as 500ms, 30s, 4h");
        }
    }

    /** The retry policy from the HTTP settings, with the source's pacing and rate-limit recognition. */
    public static SourceHttp.Policy policy(ConnectorConfig config, Duration minInterval,
                                           BiPredicate<Integer, String> rateLimited) {
        return new SourceHttp.Policy(integer(config, "maxRetries", 5, 0, 20),
                duration(config, "retryBaseDelay", Duration.ofSeconds(1)),
                duration(config, "maxRetryDelay", Duration.ofSeconds(60)),
                minInterval, rateLimited);
    }

    public static SourceHttp.Policy policy(ConnectorConfig config, BiPredicate<Integer, String> rateLimited) {
        return policy(config, Duration.ZERO, rateLimited);
    }
}
