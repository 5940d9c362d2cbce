package io.hippocamel.connector.gdrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.connector.ConnectorConfig;
import io.hippocamel.connector.ConnectorConfigException;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceHttp;
import io.hippocamel.connector.SourceSettings;
import io.hippocamel.connector.SourceType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code type: google-drive}. Credentials: {@code clientId} + {@code clientSecret} + {@code refreshToken} (OAuth
 * refresh flow) or {@code serviceAccountKeyFile} (JWT flow). Scope: {@code folderId} (recursively) and/or
 * {@code driveId} (a shared drive); default the whole drive. {@code apiBaseUrl} and {@code tokenUrl} point elsewhere
 * than Google (proxies, tests). Retries: 429 and 403 rate limits honour {@code Retry-After}, else back off
 * exponentially from {@code retryBaseDelay}; 5xx are retried up to {@code maxRetries} times.
 */
public class GoogleDriveSourceType implements SourceType {

    public static final String NAME = "google-drive";

    private final ObjectMapper json;
    private final long maxBytes;

    /** @param maxBytes files larger than this (hippocamel.ingest.max-file-size) are left out, never downloaded */
    public GoogleDriveSourceType(ObjectMapper json, long maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredSettings() {
        return Set.of();
    }

    @Override
    public Set<String> optionalSettings() {
        return SourceSettings.withHttp("clientId", "clientSecret", "refreshToken", "serviceAccountKeyFile",
                "folderId", "driveId", "apiBaseUrl", "tokenUrl", "pageSize");
    }

    @Override
    public void validate(ConnectorConfig config) {
        boolean refresh = config.setting("refreshToken", null) != null;
        String keyFile = config.setting("serviceAccountKeyFile", null);
        if (refresh == (keyFile != null)) {
            throw new ConnectorConfigException(config.file(), "settings",
                    "set either refreshToken (with clientId and clientSecret) or serviceAccountKeyFile");
        }
        if (refresh) {
            for (String key : new String[] {"clientId", "clientSecret"}) {
                if (config.setting(key, null) == null) {
                    throw new ConnectorConfigException(config.file(), "settings." + key,
                            "required with refreshToken");
                }
            }
        } else if (!Files.isReadable(Path.of(keyFile))) {
            throw new ConnectorConfigException(config.file(), "settings.serviceAccountKeyFile",
                    "cannot read " + keyFile);
        }
        SourceSettings.url(config, "apiBaseUrl", "https://www.googleapis.com");
        SourceSettings.url(config, "tokenUrl", "https://oauth2.googleapis.com/token");
        SourceSettings.integer(config, "pageSize", 1000, 1, 1000);
        SourceSettings.policy(config, null);
    }

    @Override
    public SourceClient open(ConnectorConfig config) {
        SourceHttp http = SourceHttp.standard(SourceSettings.policy(config,
                (status, body) -> status == 403 && body.contains("ateLimitExceeded")));
        URI tokenUrl = SourceSettings.url(config, "tokenUrl", "https://oauth2.googleapis.com/token");
        GoogleTokens tokens = config.setting("refreshToken", null) != null
                ? GoogleTokens.refreshToken(tokenUrl, config.setting("clientId", null),
                        config.setting("clientSecret", null), config.setting("refreshToken", null))
                : GoogleTokens.serviceAccount(tokenUrl, Path.of(config.setting("serviceAccountKeyFile", null)));
        return new GoogleDriveSource(http, tokens, json,
                SourceSettings.url(config, "apiBaseUrl", "https://www.googleapis.com").toString(),
                config.setting("folderId", null), config.setting("driveId", null),
                SourceSettings.integer(config, "pageSize", 1000, 1, 1000), maxBytes);
    }
}
