package io.hippocamel.connector;

import io.hippocamel.tenancy.RequestRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quartz.CronExpression;
import org.springframework.util.PlaceholderResolutionException;
import org.springframework.util.PropertyPlaceholderHelper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads every {@code *.yaml} file of the connectors folder into validated {@link ConnectorConfig}s. Anything wrong
 * (unknown key, bad cron, unknown type, missing setting or secret, duplicate id) is a {@link ConnectorConfigException}
 * naming the file and the key, so a bad file stops start-up instead of a connector silently doing nothing.
 * Placeholders {@code ${NAME}} in settings are resolved through {@code lookup} (environment variables first); a
 * disabled connector's placeholders are left unresolved, so example files need no secrets.
 */
public class ConnectorConfigLoader {

    static final int MAX_DOCUMENT_LIMIT = 10_000;
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("id", "type", "schedule", "containerTag",
            "documentLimit", "enabled", "settings");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
    private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", ":", '\\',
            false);

    private final Map<String, SourceType> types;
    private final Function<String, String> lookup;

    /**
     * @param types  the source types this build offers, by name
     * @param lookup resolves a placeholder name to its value, or null when unset
     */
    public ConnectorConfigLoader(Map<String, SourceType> types, Function<String, String> lookup) {
        this.types = Map.copyOf(types);
        this.lookup = lookup;
    }

    /** Every connector of the folder, ordered by file name; an empty list when the folder does not exist. */
    public List<ConnectorConfig> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the connectors folder " + dir, e);
        }
        List<ConnectorConfig> configs = new ArrayList<>();
        Map<String, Path> ids = new LinkedHashMap<>();
        for (Path file : files) {
            ConnectorConfig config = load(file);
            Path other = ids.putIfAbsent(config.id(), file);
            if (other != null) {
                throw new ConnectorConfigException(file, "id", "'" + config.id() + "' is already used by " + other);
            }
            configs.add(config);
        }
        return configs;
    }

    /** One connector file. */
    public ConnectorConfig load(Path file) {
        Map<String, Object> root = parse(file);
        Set<String> unknown = new TreeSet<>(root.keySet());
        unknown.removeAll(TOP_LEVEL_KEYS);
        if (!unknown.isEmpty()) {
            throw new ConnectorConfigException(file, unknown.iterator().next(),
                    "unknown key; allowed: " + new TreeSet<>(TOP_LEVEL_KEYS));
        }
        String id = required(file, root, "id");
        if (!ID.matcher(id).matches()) {
            throw new ConnectorConfigException(file, "id",
                    "must be 1-50 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        String typeName = required(file, root, "type");
        SourceType type = types.get(typeName);
        if (type == null) {
            throw new ConnectorConfigException(file, "type", "unknown type '" + typeName + "'; known: "
                    + new TreeSet<>(types.keySet()));
        }
        String schedule = required(file, root, "schedule");
        if (!CronExpression.isValidExpression(schedule)) {
            throw new ConnectorConfigException(file, "schedule", "'" + schedule
                    + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week,"
                    + " e.g. \"0 0/15 * * * ?\")");
        }
        String containerTag = required(file, root, "containerTag");
        if (!RequestRules.isContainerTag(containerTag)) {
            throw new ConnectorConfigException(file, "containerTag",
                    "must be 1-100 letters, digits, '-', '_', ':' or '.'");
        }
        int documentLimit = integer(file, root, "documentLimit", MAX_DOCUMENT_LIMIT);
        if (documentLimit < 1 || documentLimit > MAX_DOCUMENT_LIMIT) {
            throw new ConnectorConfigException(file, "documentLimit", "must be between 1 and " + MAX_DOCUMENT_LIMIT);
        }
        boolean enabled = bool(file, root, "enabled", true);
        Map<String, String> settings = settings(file, root.get("settings"), type, enabled);
        ConnectorConfig config = new ConnectorConfig(id, typeName, schedule, containerTag, documentLimit, enabled,
                settings, file);
        if (enabled) {
            type.validate(config);
        }
        return config;
    }

    private static Map<String, Object> parse(Path file) {
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new ConnectorConfigException(file, null, "must be a YAML mapping (id, type, schedule, ...)");
            }
            Map<String, Object> root = new LinkedHashMap<>();
            map.forEach((k, v) -> root.put(String.valueOf(k), v));
            return root;
        } catch (YAMLException e) {
            throw new ConnectorConfigException(file, null, "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector file " + file, e);
        }
    }

    private Map<String, String> settings(Path file, Object raw, SourceType type, boolean enabled) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            throw new ConnectorConfigException(file, "settings", "must be a mapping of setting names to values");
        }
        Set<String> allowed = new HashSet<>(type.requiredSettings());
        allowed.addAll(type.optionalSettings());
        if (raw != null) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
                String key = String.valueOf(e.getKey());
                String path = "settings." + key;
                if (!allowed.contains(key)) {
                    throw new ConnectorConfigException(file, path, "unknown setting for type " + type.name()
                            + "; allowed: " + new TreeSet<>(allowed));
                }
                Object value = e.getValue();
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    throw new ConnectorConfigException(file, path, "must be a single value (a list: comma-separated)");
                }
                if (value != null) {
                    String text = String.valueOf(value);
                    settings.put(key, enabled ? resolve(file, path, text) : text);
                }
            }
        }
        if (enabled) {
            for (String key : new TreeSet<>(type.requiredSettings())) {
                if (settings.getOrDefault(key, "").isBlank()) {
                    throw new ConnectorConfigException(file, "settings." + key, "required for type " + type.name());
                }
            }
        }
        return settings;
    }

    /**
     * Replaces every {@code ${NAME}} (or {@code ${NAME:default}}; {@code \${NAME}} stays literal) with Spring's
     * placeholder parser; an unset or empty name is an error that names the variable, not a value.
     */
    private String resolve(Path file, String key, String text) {
        try {
            return PLACEHOLDERS.replacePlaceholders(text, name -> {
                String value = lookup.apply(name);
                return value == null || value.isEmpty() ? null : value;
            });
        } catch (PlaceholderResolutionException e) {
            String name = e.getPlaceholder().replaceAll("^\\$\\{|}$", "");
            throw new ConnectorConfigException(file, key, "placeholder ${" + name
                    + "} is not set (define the environment variable " + name + ")");
        }
    }

    private static String required(Path file, Map<String, Object> root, String key) {
        Object value = root.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new ConnectorConfigException(file, key, "required");
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new ConnectorConfigException(file, key, "must be a single value");
        }
        return String.valueOf(value).strip();
    }

    private static int integer(Path file, Map<String, Object> root, String key, int fallback) {
        Object value = root.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw new ConnectorConfigException(file, key, "must be a whole number");
    }

    private static boolean bool(Path file, Map<String, Object> root, String key, boolean fallback) {
        Object value = root.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ConnectorConfigException(file, key, "must be true or false");
    }
}
