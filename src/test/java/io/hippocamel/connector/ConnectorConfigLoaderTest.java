package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.connector.filesystem.FilesystemSourceType;
import io.hippocamel.connector.gdrive.GoogleDriveSourceType;
import io.hippocamel.connector.notion.NotionSourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connector files become validated configs, and every kind of mistake is refused naming the file and the key. */
class ConnectorConfigLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("NOTION_TOKEN", "secret_s3cr3t-value");

    @TempDir
    Path dir;

    private ConnectorConfigLoader loader;

    @BeforeEach
    void setUp() {
        loader = new ConnectorConfigLoader(Map.of("filesystem", new FilesystemSourceType(1 << 20),
                "google-drive", new GoogleDriveSourceType(JSON, 1 << 20), "notion", new NotionSourceType(JSON)), ENV::get);
    }

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static final String NOTION = """
            id: wiki
            type: notion
            schedule: "0 0/15 * * * ?"
            containerTag: acme
            settings:
              token: ${NOTION_TOKEN}
            """;

    @Test
    @DisplayName("placeholders may carry a default, used when the variable is unset")
    void placeholderDefault() throws IOException {
        file("wiki.yaml", NOTION + "  apiBaseUrl: ${NOTION_API_UNSET:https://notion.example}/\n");
        assertThat(loader.loadAll(dir)).singleElement()
                .satisfies(c -> assertThat(c.settings()).containsEntry("apiBaseUrl", "https://notion.example/"));
    }

    @Test
    @DisplayName("a valid file: defaults filled in, placeholders resolved, secrets kept out of toString")
    void valid() throws IOException {
        file("wiki.yaml", NOTION);
        file("notes.txt", "not a connector file");

        List<ConnectorConfig> all = loader.loadAll(dir);

        assertThat(all).hasSize(1);
        ConnectorConfig wiki = all.get(0);
        assertThat(wiki.id()).isEqualTo("wiki");
        assertThat(wiki.documentLimit()).isEqualTo(10_000);
        assertThat(wiki.enabled()).isTrue();
        assertThat(wiki.settings()).containsEntry("token", "secret_s3cr3t-value");
        assertThat(wiki.toString()).doesNotContain("s3cr3t");
    }

    @Test
    @DisplayName("a missing folder means no connectors")
    void missingFolder() {
        assertThat(loader.loadAll(dir.resolve("absent"))).isEmpty();
    }

    @Test
    @DisplayName("unknown key, bad cron, unknown type, bad limit, bad tag: refused naming file and key")
    void invalidTopLevel() throws IOException {
        assertRefused(NOTION + "scheduel: x\n", "key 'scheduel'", "unknown key");
        assertRefused(NOTION.replace("0 0/15 * * * ?", "every 15 minutes"), "key 'schedule'", "Quartz cron");
        assertRefused(NOTION.replace("0 0/15 * * * ?", "0 0/15 * * *"), "key 'schedule'", "Quartz cron");
        assertRefused(NOTION.replace("type: notion", "type: dropbox"), "key 'type'", "unknown type 'dropbox'");
        assertRefused(NOTION + "documentLimit: 20000\n", "key 'documentLimit'", "between 1 and 10000");
        assertRefused(NOTION + "documentLimit: lots\n", "key 'documentLimit'", "whole number");
        assertRefused(NOTION.replace("containerTag: acme", "containerTag: \"a b\""), "key 'containerTag'",
                "letters");
        assertRefused(NOTION.replace("id: wiki\n", ""), "key 'id'", "required");
        assertRefused("id: [unclosed\n", null, "not valid YAML");
    }

    @Test
    @DisplayName("missing secret, unknown or missing setting, bad setting value: refused naming the setting")
    void invalidSettings() throws IOException {
        assertRefused(NOTION.replace("${NOTION_TOKEN}", "${NOTION_TOKN}"), "key 'settings.token'",
                "placeholder ${NOTION_TOKN} is not set");
        assertRefused(NOTION + "  tokn: x\n", "key 'settings.tokn'", "unknown setting for type notion");
        assertRefused(NOTION.replace("  token: ${NOTION_TOKEN}\n", "  apiBaseUrl: https://api.notion.com\n"),
                "key 'settings.token'", "required for type notion");
        assertRefused(NOTION + "  apiBaseUrl: not a url\n", "key 'settings.apiBaseUrl'", "not an http(s) URL");
        assertRefused(NOTION + "  requestsPerSecond: fast\n", "key 'settings.requestsPerSecond'", "whole number");
        assertRefused("""
                id: drive
                type: google-drive
                schedule: "0 0 * * * ?"
                containerTag: acme
                settings:
                  clientId: x
                """, "key 'settings'", "either refreshToken");
        assertRefused("""
                id: files
                type: filesystem
                schedule: "0 0 * * * ?"
                containerTag: acme
                settings:
                  path: /no/such/folder/anywhere
                """, "key 'settings.path'", "not a folder");
    }

    @Test
    @DisplayName("a secret's value never appears in an error message")
    void secretsNotInErrors() throws IOException {
        Path f = file("wiki.yaml", NOTION + "  apiBaseUrl: nope\n");
        assertThatThrownBy(() -> loader.load(f)).hasMessageNotContaining("s3cr3t");
    }

    @Test
    @DisplayName("two files with one id are refused")
    void duplicateIds() throws IOException {
        file("a.yaml", NOTION);
        file("b.yaml", NOTION);
        assertThatThrownBy(() -> loader.loadAll(dir)).isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("b.yaml").hasMessageContaining("'wiki' is already used by");
    }

    @Test
    @DisplayName("a disabled connector needs neither its secrets nor its required settings")
    void disabledNeedsNoSecrets() throws IOException {
        file("off.yaml", NOTION.replace("${NOTION_TOKEN}", "${NOT_SET}") + "enabled: false\n");
        assertThat(loader.loadAll(dir)).singleElement().satisfies(c -> {
            assertThat(c.enabled()).isFalse();
            assertThat(c.settings()).containsEntry("token", "${NOT_SET}");
        });
    }

    private void assertRefused(String yaml, String key, String problem) throws IOException {
        Path f = file("bad.yaml", yaml);
        assertThatThrownBy(() -> loader.load(f)).as(yaml).isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("Connector file " + f)
                .hasMessageContaining(key == null ? "" : key)
                .hasMessageContaining(problem);
    }
}
