package io.hippocamel.tags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.core.ConflictException;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.Ids;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StateRecord;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.memory.MemorySelection;
import io.hippocamel.store.Coordination;
import io.hippocamel.store.DocumentStore;
import io.hippocamel.tenancy.InvalidRequestException;
import io.hippocamel.tenancy.RequestRules;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Container tags of a tenant: the ones holding documents or memories, or patched, with their counts; their stored
 * profile (one coordination record per tenant and tag, written by compare-and-set); deleting one with everything in
 * it. Tags come into being on first write, as in Supermemory.
 */
public class ContainerTagService {

    private static final String PREFIX = "container-tag/";
    private static final Pattern BUCKET_KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int ATTEMPTS = 10;

    private final DocumentService documents;
    private final DocumentStore documentStore;
    private final MemoryFactStore memories;
    private final Coordination records;
    private final ObjectMapper json;
    private final Clock clock;

    public ContainerTagService(DocumentService documents, DocumentStore documentStore, MemoryFactStore memories,
                               Coordination records, ObjectMapper json, Clock clock) {
        this.documents = documents;
        this.documentStore = documentStore;
        this.memories = memories;
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /** Every tag of the tenant with documents, memories or a stored profile, by tag. */
    public List<TagSummary> list(String tenant) {
        Map<String, Long> documentCounts = documentStore.countByContainerTag(tenant);
        Map<String, Long> memoryCounts = memories.countByTag(Scope.allTags(tenant));
        Set<String> tags = new TreeSet<>(documentCounts.keySet());
        tags.addAll(memoryCounts.keySet());
        String prefix = key(tenant, "");
        Map<String, ContainerTag> stored = new HashMap<>();
        for (StateRecord r : records.listState(prefix)) {
            ContainerTag t = read(r.value());
            stored.put(t.containerTag(), t);
            tags.add(t.containerTag());
        }
        List<TagSummary> out = new ArrayList<>();
        for (String tag : tags) {
            long docs = documentCounts.getOrDefault(tag, 0L);
            ContainerTag profile = stored.containsKey(tag) ? stored.get(tag) : implicit(tenant, tag, docs);
            out.add(new TagSummary(profile, docs, memoryCounts.getOrDefault(tag, 0L),
                    lastActivity(tenant, tag, docs)));
        }
        return out;
    }

    /** The tag's profile; {@link NotFoundException} when the tag holds nothing and was never patched. */
    public ContainerTag get(String tenant, String tag) {
        return stored(tenant, tag).map(r -> read(r.value())).orElseGet(() -> {
            long docs = documentStore.countByContainerTag(tenant).getOrDefault(tag, 0L);
            if (docs == 0 && memories.countByTag(Scope.of(tenant, tag)).getOrDefault(tag, 0L) == 0) {
                throw new NotFoundException("Container tag");
            }
            return implicit(tenant, tag, docs);
        });
    }

    /**
     * Validates and applies a patch of {@code name}, {@code entityContext}, {@code memoryFilesystemPaths} and
     * {@code profileBuckets} (others are ignored); creates the tag's profile when there is none. Returns the profile.
     */
    public ContainerTag update(String tenant, String tag, JsonNode patch) {
        RequestRules.containerTag(tag, "containerTag");
        validate(patch);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StateRecord> current = stored(tenant, tag);
            Instant now = clock.instant();
            ContainerTag before = current.map(r -> read(r.value())).orElseGet(() -> implicit(tenant, tag,
                    documentStore.countByContainerTag(tenant).getOrDefault(tag, 0L)));
            ContainerTag after = new ContainerTag(tag,
                    patch.has("name") ? textOrNull(patch.get("name")) : before.name(),
                    patch.has("entityContext") ? textOrNull(patch.get("entityContext")) : before.entityContext(),
                    patch.has("memoryFilesystemPaths") ? strings(patch.get("memoryFilesystemPaths"))
                            : before.memoryFilesystemPaths(),
                    patch.has("profileBuckets") ? buckets(patch.get("profileBuckets")) : before.profileBuckets(),
                    before.createdAt() == null ? now : before.createdAt(), now);
            if (records.compareAndSetState(key(tenant, tag), write(after),
                    current.map(StateRecord::version).orElse(0L)).isPresent()) {
                return after;
            }
        }
        throw new ConflictException("the container tag kept changing while being updated; try again");
    }

    /**
     * Deletes the tag's memories (every version), its documents (which forgets what only they supported elsewhere)
     * and its profile. {@link NotFoundException} when there was nothing to delete.
     */
    public TagDeletion delete(String tenant, String tag) {
        long deletedMemories = memories.deleteByContainerTag(tenant, tag);
        long deletedDocuments = documents.deleteByContainerTags(tenant, List.of(tag));
        boolean hadProfile = records.deleteState(key(tenant, tag));
        if (deletedMemories == 0 && deletedDocuments == 0 && !hadProfile) {
            throw new NotFoundException("Container tag");
        }
        return new TagDeletion(tag, deletedDocuments, deletedMemories);
    }

    /** The profile of a tag that was never patched: its name is the tag, its dates its documents'. */
    private ContainerTag implicit(String tenant, String tag, long documentCount) {
        Instant created = documentCount == 0 ? null
                : newest(tenant, tag, new DocumentSort(DocumentSort.Field.CREATED_AT, false))
                        .map(StoredDocument::createdAt).orElse(null);
        Instant updated = documentCount == 0 ? null
                : newest(tenant, tag, new DocumentSort(DocumentSort.Field.UPDATED_AT, true))
                        .map(StoredDocument::updatedAt).orElse(null);
        return new ContainerTag(tag, null, null, null, List.of(), created, updated);
    }

    private Instant lastActivity(String tenant, String tag, long documentCount) {
        Instant document = documentCount == 0 ? null
                : newest(tenant, tag, new DocumentSort(DocumentSort.Field.UPDATED_AT, true))
                        .map(StoredDocument::updatedAt).orElse(null);
        Instant memory = memories.list(MemorySelection.latest(Scope.of(tenant, tag)),
                        new DocumentSort(DocumentSort.Field.UPDATED_AT, true), 0, 1).items().stream()
                .map(Memory::updatedAt).findFirst().orElse(null);
        if (document == null || memory != null && memory.isAfter(document)) {
            return memory;
        }
        return document;
    }

    private Optional<StoredDocument> newest(String tenant, String tag, DocumentSort sort) {
        return documentStore.listDocuments(Scope.of(tenant, tag), null, sort, 0, 1).items().stream().findFirst();
    }

    private Optional<StateRecord> stored(String tenant, String tag) {
        return records.getState(key(tenant, tag));
    }

    private static String key(String tenant, String tag) {
        return PREFIX + Ids.ownerKey(tenant, "/" + tag);
    }

    private ContainerTag read(String value) {
        try {
            return json.readValue(value, ContainerTag.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable container tag record", e);
        }
    }

    private String write(ContainerTag tag) {
        try {
            return json.writeValueAsString(tag);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a container tag record", e);
        }
    }

    private static void validate(JsonNode patch) {
        JsonNode name = patch.get("name");
        if (name != null && !name.isNull()
                && (!name.isTextual() || name.asText().isEmpty() || name.asText().length() > 100)) {
            throw new InvalidRequestException("name must be a string of 1 to 100 characters");
        }
        JsonNode context = patch.get("entityContext");
        if (context != null && !context.isNull() && (!context.isTextual() || context.asText().length() > 1500)) {
            throw new InvalidRequestException("entityContext must be a string of at most 1500 characters");
        }
        JsonNode paths = patch.get("memoryFilesystemPaths");
        if (paths != null && !paths.isNull()) {
            if (!paths.isArray()) {
                throw new InvalidRequestException("memoryFilesystemPaths must be an array of strings or null");
            }
            paths.forEach(p -> {
                if (!p.isTextual() || p.asText().isEmpty()) {
                    throw new InvalidRequestException("memoryFilesystemPaths must be an array of strings or null");
                }
            });
        }
        JsonNode buckets = patch.get("profileBuckets");
        if (buckets != null && !buckets.isNull()) {
            if (!buckets.isArray() || buckets.size() > 50) {
                throw new InvalidRequestException("profileBuckets must be an array of at most 50 {key, description}");
            }
            Set<String> keys = new HashSet<>();
            for (JsonNode b : buckets) {
                String key = b.path("key").isTextual() ? b.get("key").asText() : "";
                if (!BUCKET_KEY.matcher(key).matches() || key.equals("static") || key.equals("dynamic")
                        || !keys.add(key)) {
                    throw new InvalidRequestException("profileBuckets keys must be unique, match "
                            + "^[a-z0-9][a-z0-9_-]*$ (1-64 chars) and not be static or dynamic");
                }
                JsonNode d = b.path("description");
                if (!d.isMissingNode() && !d.isNull() && (!d.isTextual() || d.asText().length() > 2000)) {
                    throw new InvalidRequestException("profileBuckets description must be a string of at most "
                            + "2000 characters");
                }
            }
        }
    }

    private static String textOrNull(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        v.forEach(p -> out.add(p.asText()));
        return out;
    }

    private List<Map<String, Object>> buckets(JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        v.forEach(b -> {
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("key", b.get("key").asText());
            bucket.put("description", textOrNull(b.get("description")));
            out.add(bucket);
        });
        return out;
    }
}
