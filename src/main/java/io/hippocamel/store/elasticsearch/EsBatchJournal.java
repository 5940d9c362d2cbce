package io.hippocamel.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hippocamel.core.StoredDocument;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The batch journal in {@code <prefix>-batches}: a batch of documents is written here as one record (its commit
 * point: a single index request is atomic) before any of its documents, and deleted once they all are; a record left
 * by a writer that died is replayed by any server. A batch too large for one request is split into part records
 * written first and a head record, the commit point, written last and naming them.
 */
final class EsBatchJournal {

    /** Characters of document JSON per record: far below Elasticsearch's 100 MB request limit, even escaped. */
    static final int RECORD_CHARS = 8 * 1024 * 1024;
    /** Heads replayed, or orphan parts removed, per check; the next check takes the rest. */
    private static final int PAGE = 100;
    /** How long past its expiry a part without head stays (its head may still be on the way from a slow writer). */
    private static final Duration ORPHAN_PART_KEEP = Duration.ofHours(1);

    /** One journal record: a head (commit point, names its parts) or a part. */
    record JournalSource(@JsonProperty("batch") String batch,
                         @JsonProperty("head") boolean head,
                         @JsonProperty("writer") String writer,
                         @JsonProperty("expires_at") long expiresAt,
                         @JsonProperty("parts") List<String> parts,
                         @JsonProperty("documents") List<String> documents) {
    }

    /** A committed batch read back for replay: its record ids head first, and parts not found (normally none). */
    record Batch(String writer, List<StoredDocument> documents, List<String> records, List<String> missingParts) {
    }

    private final ElasticsearchClient client;
    private final String index;
    private final String writer = UUID.randomUUID().toString();

    EsBatchJournal(ElasticsearchClient client, EsIndices indices) {
        this.client = client;
        this.index = indices.batches();
    }

    /**
     * Makes the batch durable: its parts (if it needs more than one record), then its head. Returns the ids of its
     * records, head first, for {@link #delete}. Once this returns, the batch is accepted whatever happens to this
     * process.
     */
    List<String> write(Collection<StoredDocument> documents, Instant expiresAt) throws IOException {
        String batch = UUID.randomUUID().toString();
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long chars = 0;
        for (StoredDocument document : documents) {
            String json = EsRecords.toJson(document);
            if (!current.isEmpty() && chars + json.length() > RECORD_CHARS) {
                records.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(json);
            chars += json.length();
        }
        records.add(current);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < records.size() - 1; i++) {
            String part = batch + "/" + i;
            index(part, new JournalSource(batch, false, writer, expiresAt.toEpochMilli(), List.of(),
                    records.get(i)));
            parts.add(part);
        }
        index(batch, new JournalSource(batch, true, writer, expiresAt.toEpochMilli(), parts,
                records.get(records.size() - 1)));
        List<String> ids = new ArrayList<>(parts.size() + 1);
        ids.add(batch);
        ids.addAll(parts);
        return ids;
    }

    /**
     * Forgets a batch whose documents are all written, given its record ids head first: a crash in between leaves
     * only parts, which {@link #deleteOrphanParts} removes.
     */
    void delete(List<String> records) throws IOException {
        for (String id : records) {
            client.delete(d -> d.index(index).id(id));
        }
    }

    /** Ids of committed batches whose writer's hold expired before {@code now}, oldest first. */
    List<String> expired(Instant now) throws IOException {
        client.indices().refresh(r -> r.index(index));
        List<Hit<JournalSource>> heads = client.search(s -> s.index(index)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("head").value(true)))
                        .filter(f -> f.range(r -> r.number(n -> n.field("expires_at")
                                .lt((double) now.toEpochMilli()))))))
                .sort(o -> o.field(f -> f.field("expires_at").order(SortOrder.Asc)))
                .size(PAGE).source(src -> src.fetch(false)), JournalSource.class)
                .hits().hits();
        return heads.stream().map(Hit::id).toList();
    }

    /**
     * The documents of a batch (parts first, as written); empty when another server replayed and deleted it
     * meanwhile. Parts that cannot be found are listed in {@link Batch#missingParts()}.
     */
    Optional<Batch> read(String batch) throws IOException {
        GetResponse<JournalSource> head = client.get(g -> g.index(index).id(batch), JournalSource.class);
        if (!head.found()) {
            return Optional.empty();
        }
        List<StoredDocument> documents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String part : head.source().parts()) {
            GetResponse<JournalSource> got = client.get(g -> g.index(index).id(part), JournalSource.class);
            if (got.found()) {
                got.source().documents().forEach(json -> documents.add(EsRecords.fromJson(json)));
            } else {
                missing.add(part);
            }
        }
        head.source().documents().forEach(json -> documents.add(EsRecords.fromJson(json)));
        List<String> records = new ArrayList<>(List.of(batch));
        records.addAll(head.source().parts());
        return Optional.of(new Batch(head.source().writer(), documents, records, missing));
    }

    /** Deletes parts left without a head (a writer died before its commit point, or after deleting the head). */
    int deleteOrphanParts(Instant now) throws IOException {
        long before = now.minus(ORPHAN_PART_KEEP).toEpochMilli();
        List<Hit<JournalSource>> parts = client.search(s -> s.index(index)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("head").value(false)))
                        .filter(f -> f.range(r -> r.number(n -> n.field("expires_at").lt((double) before))))))
                .size(PAGE).source(src -> src.filter(f -> f.includes("batch"))), JournalSource.class)
                .hits().hits();
        int deleted = 0;
        for (Hit<JournalSource> part : parts) {
            if (!client.exists(e -> e.index(index).id(part.source().batch())).value()) {
                client.delete(d -> d.index(index).id(part.id()));
                deleted++;
            }
        }
        return deleted;
    }

    private void index(String id, JournalSource record) throws IOException {
        client.index(i -> i.index(index).id(id).opType(OpType.Create).document(record));
    }
}
