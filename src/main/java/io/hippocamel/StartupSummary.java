package io.hippocamel;

import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Once the server takes requests, says in one line where it listens, which store it uses and where the key is. */
@Component
public class StartupSummary {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSummary.class);

    private final HippocamelProperties props;
    private final StoreProperties storeProps;

    public StartupSummary(HippocamelProperties props, StoreProperties storeProps) {
        this.props = props;
        this.storeProps = storeProps;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        StoreProperties.StoreType store = storeProps.getType();
        String where = store == StoreProperties.StoreType.ELASTICSEARCH
                ? storeProps.getElasticsearch().getUrl() : props.getDataDir().toAbsolutePath().normalize()
                        .resolve("store").toString();
        boolean configuredKeys = props.getApiKeys().stream().anyMatch(k -> k != null && !k.isBlank());
        String keys = configuredKeys ? props.getApiKeys().size() + " API key(s) from the configuration"
                : "API key in " + props.getDataDir().toAbsolutePath().normalize().resolve("api-key");
        LOG.info("Hippocamel ready on port {}: {} store at {}, data dir {}, {} (send Authorization: Bearer <key>)",
                port, store.name().toLowerCase(), where, props.getDataDir().toAbsolutePath().normalize(), keys);
    }
}
