package io.hippocamel.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.connector.filesystem.FilesystemSourceType;
import io.hippocamel.connector.gdrive.GoogleDriveSourceType;
import io.hippocamel.connector.notion.NotionSourceType;
import io.hippocamel.connector.web.WebSourceType;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.IngestProperties;
import io.hippocamel.ingest.UrlFetcher;
import io.hippocamel.store.MemoryStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the connectors: loads and validates {@code hippocamel.connectors.dir} at start-up (a bad file stops the
 * server) and adds one sync route per enabled connector. Connector documents belong to the tenant of the server's
 * first API key.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

    @Bean
    Connectors connectors(ConnectorProperties props, IngestProperties ingest, Environment env,
                          DocumentService documents, MemoryStore store, ObjectMapper json, Clock clock, ApiKeys keys,
                          UrlFetcher fetcher) {
        Map<String, SourceType> types = sourceTypes(json, fetcher, ingest);
        // ${NAME} placeholders: environment variables (and any other Spring property of that name)
        List<ConnectorConfig> configs = new ConnectorConfigLoader(types, env::getProperty)
                .loadAll(props.getDir());
        ConnectorState state = new ConnectorState(store, json, clock, props.getLeaseDuration());
        return new Connectors(configs, new ConnectorSync(documents, state, types, keys::defaultTenant, clock,
                ingest.getMaxFileSize().toBytes()), state, types.keySet());
    }

    @Bean
    ConnectorRoutes connectorRoutes(Connectors connectors) {
        return new ConnectorRoutes(connectors);
    }

    /** The source types of this build, by name. */
    static Map<String, SourceType> sourceTypes(ObjectMapper json, UrlFetcher fetcher, IngestProperties ingest) {
        long maxBytes = ingest.getMaxFileSize().toBytes();
        return List.of(new FilesystemSourceType(maxBytes), new GoogleDriveSourceType(json, maxBytes),
                        new NotionSourceType(json), new WebSourceType(fetcher))
                .stream().collect(Collectors.toMap(SourceType::name, Function.identity()));
    }
}
