package io.hippocamel.connector;

import io.hippocamel.store.Leases;
import io.hippocamel.tenancy.RequestRules;
import org.apache.commons.codec.digest.DigestUtils;
import static io.hippocamel.HippocamelConstants.META_CONNECTOR;
import static io.hippocamel.HippocamelConstants.META_CONTENT_HASH;
import static io.hippocamel.HippocamelConstants.META_MODIFIED_TIME;
import static io.hippocamel.HippocamelConstants.META_PATH;
import static io.hippocamel.HippocamelConstants.META_SOURCE;
import static io.hippocamel.HippocamelConstants.META_SOURCE_ID;
import static io.hippocamel.HippocamelConstants.META_SOURCE_VERSION;
import static io.hippocamel.HippocamelConstants.META_TITLE;
import static io.hippocamel.HippocamelConstants.META_URL;

import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.DocumentPatch;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.NewDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run of one connector: take the lease, list what changed since the cursor, upsert changed items by their
 * stable customId ({@code <connector id>:<source id>}) through {@link DocumentService} (so Tika and the whole ingest
 * pipeline run as for an upload), delete what disappeared at the source, save the cursor once all of it is durable,
 * record the run. Items whose {@code sourceVersion} is unchanged are not downloaded; items whose bytes are unchanged
 * (a touched file) only get their metadata refreshed. Never throws: a failing source fails its own run only.
 */
public class ConnectorSync {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSync.class);
    /** Longer customIds are hashed; kept at 100 (not the API's 255) so synced documents keep the ids they have. */
    private static final int MAX_PLAIN_CUSTOM_ID = 100;
    private static final int LIST_PAGE = 1000;

    private final DocumentService documents;
    private final ConnectorState state;
    private final Map<String, SourceType> types;
    private final Supplier<String> tenant;
    private final Clock clock;
    private final long maxBytes;

    /**
     * @param tenant   the tenant connector documents belong to (the server's first API key's)
     * @param maxBytes largest content accepted (hippocamel.ingest.max-file-size); larger items are skipped
     */
    public ConnectorSync(DocumentService documents, ConnectorState state, Map<String, SourceType> types,
                         Supplier<String> tenant, Clock clock, long maxBytes) {
        this.documents = documents;
        this.state = state;
        this.types = Map.copyOf(types);
        this.tenant = tenant;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Runs the connector unless another run holds its lease; returns the run's report (empty when skipped). */
    public Optional<SyncRun> run(ConnectorConfig config) {
        Optional<Leases.Lease> taken = state.tryLease(config.id());
        if (taken.isEmpty()) {
            LOG.info("Connector {}: a sync is already running (here or on another server); skipped", config.id());
            return Optional.empty();
        }
        // the lease as last renewed: releasing an older version of it would fail and leave it held until expiry
        AtomicReference<Leases.Lease> lease = new AtomicReference<>(taken.get());
        Instant started = clock.instant();
        Counts counts = new Counts();
        SyncRun run;
        state.saveRun(config.id(), counts.report(SyncRun.RUNNING, null, null, started, null));
        try {
            run = sync(config, lease, counts, started);
        } catch (SourceException e) {
            run = counts.report(SyncRun.FAILED, e.code().wire(), e.getMessage(), started, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Connector {}: sync failed", config.id(), e);
            run = counts.report(SyncRun.FAILED, SourceException.Code.INTERNAL.wire(), String.valueOf(e.getMessage()),
                    started, clock.instant());
        } finally {
            state.release(lease.get());
        }
        state.saveRun(config.id(), run);
        boolean quiet = run.status().equals(SyncRun.COMPLETED) && run.added() + run.updated() + run.deleted() == 0;
        // a run that changed nothing logs at debug: a schedule of every few minutes would drown the log otherwise
        LOG.atLevel(quiet ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.INFO).log(
                "Connector {}: {} (added {}, updated {}, deleted {}, unchanged {}, failed {}, skipped {}){}",
                config.id(), run.status(), run.added(), run.updated(), run.deleted(), run.unchanged(), run.failed(),
                run.skipped(), run.error() == null ? "" : ": " + run.error());
        return Optional.of(run);
    }

    private SyncRun sync(ConnectorConfig config, AtomicReference<Leases.Lease> lease, Counts counts,
                         Instant started) {
        String owner = tenant.get();
        SourceClient source = types.get(config.type()).open(config);
        Map<String, StoredDocument> known = known(owner, config.id());
        SourceClient.Listing listing = source.changes(state.cursor(config.id()).orElse(null),
                Set.copyOf(known.keySet()));

        Set<String> seen = new HashSet<>();
        String lastError = null;
        String lastCode = null;
        for (SourceClient.SourceItem item : listing.items()) {
            lease.set(state.renew(lease.get()));
            seen.add(item.sourceId());
            StoredDocument current = known.get(item.sourceId());
            if (current == null && known.size() + counts.added >= config.documentLimit()) {
                counts.skipped++;
                continue;
            }
            try {
                upsert(config, owner, item, current, source, counts);
            } catch (ItemGoneException gone) {
                if (current != null && delete(owner, current)) {
                    counts.deleted++;
                }
            } catch (SourceException e) {
                counts.failed++;
                lastCode = e.code().wire();
                lastError = item.sourceId() + ": " + e.getMessage();
            }
        }
        Set<String> removed = new HashSet<>(listing.removed());
        if (listing.complete()) {
            known.keySet().stream().filter(id -> !seen.contains(id)).forEach(removed::add);
        }
        for (String sourceId : removed) {
            StoredDocument current = known.get(sourceId);
            if (current != null && !seen.contains(sourceId) && delete(owner, current)) {
                counts.deleted++;
            }
        }
        if (counts.failed > 0) {
            // the cursor stays: the next run lists the failed items again (unchanged ones cost no download)
            return counts.report(SyncRun.FAILED, lastCode, counts.failed + " item(s) could not be fetched; last: "
                    + lastError, started, clock.instant());
        }
        if (listing.nextCursor() != null) {
            state.saveCursor(config.id(), listing.nextCursor()); // every write above has returned: it is durable
        }
        return counts.report(SyncRun.COMPLETED, null, null, started, clock.instant());
    }

    private void upsert(ConnectorConfig config, String owner, SourceClient.SourceItem item, StoredDocument current,
                        SourceClient source, Counts counts) {
        boolean sameTag = current != null && current.containerTag().equals(config.containerTag());
        // a document whose processing failed is not retried until its source changes: a broken file would
        // otherwise be downloaded and parsed again on every run
        if (sameTag && Objects.equals(current.metadata().get(META_SOURCE_VERSION), item.version())) {
            counts.unchanged++;
            return;
        }
        SourceClient.SourceContent content = source.content(item);
        if (content.bytes().length > maxBytes) {
            LOG.warn("Connector {}: {} is larger than hippocamel.ingest.max-file-size; skipped", config.id(),
                    item.sourceId());
            counts.skipped++;
            return;
        }
        String hash = DigestUtils.sha256Hex(content.bytes());
        Map<String, Object> metadata = metadata(config, item, hash);
        if (sameTag && current.status() != DocumentStatus.FAILED
                && hash.equals(current.metadata().get(META_CONTENT_HASH))) {
            documents.update(owner, current.id(), new DocumentPatch(null, null, null, metadata));
            counts.unchanged++;
            return;
        }
        documents.add(owner, new NewDocument(null, config.containerTag(), customId(config.id(), item.sourceId()),
                metadata, new NewDocument.FileUpload(content.bytes(), content.fileName(), content.mimeType())));
        if (current == null) {
            counts.added++;
        } else {
            counts.updated++;
        }
    }

    private boolean delete(String owner, StoredDocument document) {
        return documents.deleteByIds(owner, List.of(document.id())).isEmpty();
    }

    private static Map<String, Object> metadata(ConnectorConfig config, SourceClient.SourceItem item, String hash) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(META_SOURCE, config.type());
        metadata.put(META_CONNECTOR, config.id());
        metadata.put(META_SOURCE_ID, item.sourceId());
        putIfSet(metadata, META_URL, item.url());
        putIfSet(metadata, META_TITLE, item.title());
        putIfSet(metadata, META_MODIFIED_TIME, item.modifiedTime() == null ? null : item.modifiedTime().toString());
        putIfSet(metadata, META_PATH, item.path());
        putIfSet(metadata, META_SOURCE_VERSION, item.version());
        metadata.put(META_CONTENT_HASH, hash);
        return metadata;
    }

    private static void putIfSet(Map<String, Object> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value);
        }
    }

    /** The connector's documents by source id (all container tags of the tenant). */
    private Map<String, StoredDocument> known(String owner, String connectorId) {
        MetadataFilter mine = new MetadataFilter.Condition(META_CONNECTOR, connectorId,
                MetadataFilter.FilterType.METADATA, null, false, false);
        Map<String, StoredDocument> known = new HashMap<>();
        for (int page = 1; ; page++) {
            Page<StoredDocument> docs = documents.list(Scope.allTags(owner), mine, DocumentSort.NEWEST_FIRST, page,
                    LIST_PAGE);
            docs.items().forEach(d -> known.putIfAbsent(String.valueOf(d.metadata().get(META_SOURCE_ID)), d));
            if ((long) page * LIST_PAGE >= docs.total() || docs.items().isEmpty()) {
                return known;
            }
        }
    }

    /**
     * {@code <connector id>:<source id>}, with source ids that are not plain (paths, URLs) or too long replaced by
     * a hash, so that customIds stay within the API's charset and length.
     */
    public static String customId(String connectorId, String sourceId) {
        String plain = connectorId + ":" + sourceId;
        if (plain.length() <= MAX_PLAIN_CUSTOM_ID && RequestRules.isCustomId(plain)) {
            return plain;
        }
        return connectorId + ":" + DigestUtils.sha256Hex(sourceId).substring(0, 40);
    }

    /** Counts of a run in progress. */
    private static final class Counts {
        int added;
        int updated;
        int deleted;
        int unchanged;
        int failed;
        int skipped;

        SyncRun report(String status, String code, String error, Instant started, Instant completed) {
            return new SyncRun(status, added, updated, deleted, unchanged, failed, skipped, code, error, started,
                    completed);
        }
    }
}
