package io.hippocamel.connector.filesystem;

import io.hippocamel.connector.ConnectorConfig;
import io.hippocamel.connector.ConnectorConfigException;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code type: filesystem}. Settings: {@code path} (the folder), {@code include} and {@code exclude} (comma-separated
 * globs on the path relative to it, e.g. {@code **}{@code /*.md}; default: every file, hidden ones excluded).
 */
public class FilesystemSourceType implements SourceType {

    public static final String NAME = "filesystem";

    private final long maxBytes;

    /** @param maxBytes files larger than this (hippocamel.ingest.max-file-size) are left out, never read */
    public FilesystemSourceType(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredSettings() {
        return Set.of("path");
    }

    @Override
    public Set<String> optionalSettings() {
        return Set.of("include", "exclude");
    }

    @Override
    public void validate(ConnectorConfig config) {
        if (!Files.isDirectory(Path.of(config.settings().get("path")))) {
            throw new ConnectorConfigException(config.file(), "settings.path", "not a folder: "
                    + config.settings().get("path"));
        }
        try {
            FilesystemSource.matchers(config.setting("include", null));
            FilesystemSource.matchers(config.setting("exclude", null));
        } catch (IllegalArgumentException e) {
            throw new ConnectorConfigException(config.file(), "settings.include/exclude", "bad glob: "
                    + e.getMessage());
        }
    }

    @Override
    public SourceClient open(ConnectorConfig config) {
        return new FilesystemSource(Path.of(config.settings().get("path")), config.setting("include", null),
                config.setting("exclude", null), maxBytes);
    }
}
