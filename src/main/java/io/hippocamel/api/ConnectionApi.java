package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.CONNECTION_ID;
import static io.hippocamel.HippocamelConstants.CONNECTION_PROVIDER;
import static io.hippocamel.HippocamelConstants.CONNECTOR_SYNC_QUEUE;
import static io.hippocamel.HippocamelConstants.META_SOURCE;
import static io.hippocamel.HippocamelConstants.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.tenancy.RequestRules;
import io.hippocamel.connector.ConnectorConfig;
import io.hippocamel.connector.Connectors;
import io.hippocamel.connector.SyncRun;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.DocumentService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;

/**
 * {@code /v3/connections}: the connectors configured in YAML, in Supermemory's connection shapes. They belong to the
 * tenant of the server's first API key (the tenant their documents are written to); every other tenant sees none.
 * Connections are created by configuration, not through the API, and settings (which may hold secrets) never leave
 * the server.
 */
public class ConnectionApi {

    /** Supermemory's name of the web source. */
    private static final Map<String, String> PROVIDER_ALIASES = Map.of("web-crawler", "web");
    private static final int DOCUMENTS_LIMIT = 1000;

    private final Connectors connectors;
    private final DocumentService documents;
    private final Supplier<String> owner;
    private final Set<String> providers;
    private final RequestReader reader;
    private final ProducerTemplate producer;

    /**
     * @param owner     the tenant connector documents belong to
     * @param providers the source types this build offers
     */
    public ConnectionApi(Connectors connectors, DocumentService documents, Supplier<String> owner,
                         RequestReader reader, ProducerTemplate producer) {
        this.connectors = connectors;
        this.documents = documents;
        this.owner = owner;
        this.providers = connectors.providers();
        this.reader = reader;
        this.producer = producer;
    }

    /** POST /v3/connections/list {containerTags?}. */
    public ApiResponse list(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        List<String> tags = RequestReader.containerTags(reader.object(body));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConnectorConfig c : visible(tenant)) {
            if (tags.isEmpty() || tags.contains(c.containerTag())) {
                out.add(view(c));
            }
        }
        return ApiResponse.ok(out);
    }

    /** GET /v3/connections/{connectionId}. */
    public ApiResponse get(@ExchangeProperty(TENANT) String tenant, @Header(CONNECTION_ID) String id) {
        return visible(tenant).stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> ApiResponse.ok(view(c)))
                .orElseThrow(() -> ApiException.notFound("Connection"));
    }

    /** POST /v3/connections/{provider}/import {containerTags?}: 202, the syncs run in the background. */
    public ApiResponse importNow(@ExchangeProperty(TENANT) String tenant, @Header(CONNECTION_PROVIDER) String provider,
                                 @Body String body) {
        List<ConnectorConfig> matching = matching(tenant, provider, body).stream()
                .filter(ConnectorConfig::enabled).toList();
        if (matching.isEmpty()) {
            throw ApiException.notFound("Enabled " + provider + " connection");
        }
        matching.forEach(c -> producer.sendBody(CONNECTOR_SYNC_QUEUE, c.id()));
        return new ApiResponse(202, "Importing connections...");
    }

    /** POST /v3/connections/{provider}/documents {containerTags?}: what the provider's connectors imported. */
    public ApiResponse documents(@ExchangeProperty(TENANT) String tenant,
                                 @Header(CONNECTION_PROVIDER) String provider, @Body String body) {
        List<ConnectorConfig> matching = matching(tenant, provider, body);
        List<Map<String, Object>> out = new ArrayList<>();
        if (matching.isEmpty()) {
            return ApiResponse.ok(out);
        }
        List<String> tags = matching.stream().map(ConnectorConfig::containerTag).distinct().toList();
        MetadataFilter fromProvider = new MetadataFilter.Condition(META_SOURCE, canonical(provider),
                MetadataFilter.FilterType.METADATA, null, false, false);
        Page<StoredDocument> page = documents.list(new Scope(tenant, tags), fromProvider, DocumentSort.NEWEST_FIRST,
                1, DOCUMENTS_LIMIT);
        for (StoredDocument d : page.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("createdAt", DocumentViews.time(d.createdAt()));
            m.put("status", d.status());
            m.put("summary", DocumentViews.summary(d));
            m.put("title", d.metadata().getOrDefault("title", DocumentViews.title(d)));
            m.put("type", d.type());
            m.put("updatedAt", DocumentViews.time(d.updatedAt()));
            out.add(m);
        }
        return ApiResponse.ok(out);
    }

    private List<ConnectorConfig> matching(String tenant, String provider, String body) {
        String type = canonical(provider);
        if (!providers.contains(type)) {
            throw ApiException.badRequest("unknown provider '" + provider + "'; this server offers "
                    + new TreeSet<>(providers));
        }
        List<String> tags = RequestReader.containerTags(reader.object(body));
        return visible(tenant).stream()
                .filter(c -> c.type().equals(type) && (tags.isEmpty() || tags.contains(c.containerTag())))
                .toList();
    }

    private static String canonical(String provider) {
        return PROVIDER_ALIASES.getOrDefault(provider, provider);
    }

    private List<ConnectorConfig> visible(String tenant) {
        return tenant.equals(owner.get()) ? connectors.all() : List.of();
    }

    private Map<String, Object> view(ConnectorConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("provider", c.type());
        m.put("createdAt", null);
        m.put("documentLimit", c.documentLimit());
        m.put("containerTags", List.of(c.containerTag()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("containerTag", c.containerTag());
        metadata.put("schedule", c.schedule());
        metadata.put("enabled", c.enabled());
        m.put("metadata", metadata);
        m.put("lastSyncRun", connectors.lastRun(c.id()).map(ConnectionApi::run).orElse(null));
        return m;
    }

    private static Map<String, Object> run(SyncRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status());
        m.put("errorCode", r.errorCode());
        m.put("error", r.error());
        m.put("startedAt", time(r.startedAt()));
        m.put("completedAt", time(r.completedAt()));
        m.put("added", r.added());
        m.put("updated", r.updated());
        m.put("deleted", r.deleted());
        m.put("unchanged", r.unchanged());
        m.put("failed", r.failed());
        m.put("skipped", r.skipped());
        return m;
    }

    private static String time(Instant instant) {
        return instant == null ? null : DocumentViews.time(instant);
    }
}
