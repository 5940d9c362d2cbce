package io.hippocamel.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Body;

/** The configured connector instances, and the entry point the sync routes call. */
public class Connectors {

    private final List<ConnectorConfig> configs;
    private final Map<String, ConnectorConfig> byId;
    private final ConnectorSync sync;
    private final ConnectorState state;
    private final Set<String> providers;

    public Connectors(List<ConnectorConfig> configs, ConnectorSync sync, ConnectorState state, Set<String> providers) {
        this.configs = List.copyOf(configs);
        this.providers = Set.copyOf(providers);
        this.byId = configs.stream().collect(Collectors.toMap(ConnectorConfig::id, Function.identity()));
        this.sync = sync;
        this.state = state;
    }

    /** The source types of this build (connector {@code type} values, the API's providers). */
    public Set<String> providers() {
        return providers;
    }

    /** The report of the connector's last (or current) run. */
    public Optional<SyncRun> lastRun(String id) {
        return state.lastRun(id);
    }

    /** Every configured connector, enabled or not, in file order. */
    public List<ConnectorConfig> all() {
        return configs;
    }

    public List<ConnectorConfig> enabled() {
        return configs.stream().filter(ConnectorConfig::enabled).toList();
    }

    public Optional<ConnectorConfig> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Runs one sync of an enabled connector (skipped when one is already running); what the routes call. */
    public Optional<SyncRun> runById(@Body String id) {
        ConnectorConfig config = byId.get(id);
        if (config == null || !config.enabled()) {
            throw new IllegalArgumentException("no enabled connector with id '" + id + "'");
        }
        return sync.run(config);
    }
}
