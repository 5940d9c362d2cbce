package io.hippocamel.memory;

import io.hippocamel.core.ConflictException;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.Ids;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.embed.Embedder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The v4 memory operations (add, list, update, forget, forget-matching, profile) over the {@link MemoryFactStore}
 * and {@link MemorySearch}; the tenant is a mandatory argument of each. Memories added directly have no source
 * document: their {@code documentId} is null.
 */
public class MemoryService {

    /** How many recent dynamic memories a profile carries. */
    public static final int PROFILE_DYNAMIC = 10;
    /** How many static memories a profile carries at most. */
    public static final int PROFILE_STATIC = 100;

    private final MemoryFactStore store;
    private final MemorySearch search;
    private final Embedder embedder;
    private final Clock clock;

    public MemoryService(MemoryFactStore store, MemorySearch search, Embedder embedder, Clock clock) {
        this.store = store;
        this.search = search;
        this.embedder = embedder;
        this.clock = clock;
    }

    /** One memory to add directly. */
    public record NewMemory(String content, boolean isStatic, Map<String, Object> metadata, Instant forgetAfter,
                            String forgetReason, Map<String, Object> temporalContext) {
    }

    /** Adds memories to a tag in one durable write; they are searchable when this returns. */
    public List<Memory> add(String tenant, String containerTag, List<NewMemory> memories) {
        Objects.requireNonNull(tenant, "tenant");
        List<float[]> vectors = embedder.embed(memories.stream().map(NewMemory::content).toList());
        Instant now = clock.instant();
        List<Memory> out = new ArrayList<>(memories.size());
        for (int i = 0; i < memories.size(); i++) {
            NewMemory m = memories.get(i);
            out.add(Memory.create(Ids.newId(), tenant, containerTag, m.content(), now).isStatic(m.isStatic())
                    .metadata(m.metadata()).forgetAfter(m.forgetAfter()).forgetReason(m.forgetReason())
                    .temporalContext(m.temporalContext()).vector(vectors.get(i)).build());
        }
        store.putAll(out);
        return out.stream().map(Memory::withoutVector).toList();
    }

    /** A listing of latest memories. {@code page} counts from 1. */
    public record ListRequest(List<String> containerTags, MetadataFilter filter, int limit, int page,
                              DocumentSort sort) {
    }

    /** A latest memory and every version of its chain, oldest first (just itself for version 1). */
    public record Entry(Memory memory, List<Memory> history) {
    }

    /** Latest, remembered memories of the tags with their history, one page. */
    public Page<Entry> list(String tenant, ListRequest request) {
        Scope scope = new Scope(tenant, request.containerTags());
        Page<Memory> page = store.list(MemorySelection.latest(scope).withFilter(request.filter()), request.sort(),
                (request.page() - 1) * request.limit(), request.limit());
        List<Entry> entries = page.items().stream().map(m -> new Entry(m.withoutVector(), m.version() == 1
                ? List.of(m.withoutVector())
                : store.versions(scope, m.rootMemoryId()).stream().map(Memory::withoutVector).toList())).toList();
        return new Page<>(entries, page.total());
    }

    /**
     * A new version of a fact. {@code metadata} and {@code temporalContext} null inherit; {@code forgetAfter}
     * inherits unless {@code setForgetAfter} (then null clears it).
     */
    public record Update(String containerTag, String id, String content, String newContent,
                         Map<String, Object> metadata, boolean setForgetAfter, Instant forgetAfter,
                         String forgetReason, Map<String, Object> temporalContext) {
    }

    /** Writes the next version of the memory named by id or exact content; the old one stops being the latest. */
    public Memory update(String tenant, Update u) {
        Memory current = find(tenant, u.containerTag(), u.id(), u.content());
        if (current.asSeenAt(clock.instant()).isForgotten()) {
            throw new ConflictException("Memory is forgotten and cannot be updated");
        }
        if (!current.isLatest()) {
            throw new ConflictException("Memory " + current.id() + " is not the latest version");
        }
        Memory.Builder next = current.nextVersion(Ids.newId(), u.newContent(), embedder.embed(u.newContent()),
                clock.instant());
        if (u.metadata() != null) {
            next.metadata(u.metadata());
        }
        if (u.setForgetAfter()) {
            next.forgetAfter(u.forgetAfter());
        }
        if (u.forgetReason() != null) {
            next.forgetReason(u.forgetReason());
        }
        if (u.temporalContext() != null) {
            next.temporalContext(u.temporalContext());
        }
        Memory written = next.build();
        store.put(written);
        return written.withoutVector();
    }

    /** Forgets the memory named by id or exact content: 404 when none, 409 when forgotten already. */
    public Memory forget(String tenant, String containerTag, String id, String content, String reason) {
        Memory memory = find(tenant, containerTag, id, content);
        ForgetResult result = store.forget(Scope.of(tenant, containerTag), memory.id(), reason);
        return switch (result.outcome()) {
            case FORGOTTEN -> result.memory().withoutVector();
            case ALREADY_FORGOTTEN -> throw new ConflictException("Memory already forgotten");
            case NOT_FOUND -> throw new NotFoundException("Memory");
        };
    }

    /** Forget-matching: by query (similarity at least {@code threshold}, at most {@code maxForget}) or by ids. */
    public record ForgetMatching(String containerTag, String query, List<String> ids, boolean dryRun,
                                 double threshold, int maxForget, String reason) {
    }

    /** What forget-matching found (dry run) or forgot; {@code batchId} null on a dry run. */
    public record Matched(boolean dryRun, String batchId, List<ScoredMemory> memories) {
    }

    public Matched forgetMatching(String tenant, ForgetMatching request) {
        Scope scope = Scope.of(tenant, request.containerTag());
        List<ScoredMemory> candidates;
        if (request.ids() != null) {
            Instant now = clock.instant();
            candidates = store.getAll(scope, request.ids()).stream().map(m -> m.asSeenAt(now))
                    .filter(m -> !m.isForgotten()).map(m -> new ScoredMemory(m.withoutVector(), 1.0, 1.0)).toList();
        } else {
            candidates = search.search(MemoryQuery.hybrid(MemorySelection.latest(scope), request.query(),
                    request.maxForget(), request.threshold())).stream()
                    .map(s -> new ScoredMemory(s.memory().withoutVector(), s.similarity(), s.rank())).toList();
        }
        if (request.dryRun()) {
            return new Matched(true, null, candidates);
        }
        List<ScoredMemory> forgotten = new ArrayList<>();
        for (ScoredMemory c : candidates) {
            if (store.forget(scope, c.memory().id(), request.reason()).outcome() == ForgetResult.Outcome.FORGOTTEN) {
                forgotten.add(c);
            }
        }
        return new Matched(false, Ids.newId(), forgotten);
    }

    /** A profile request; {@code query} null or blank: no search. */
    public record ProfileRequest(String containerTag, String query, double threshold, MetadataFilter filter,
                                 boolean withStatic, boolean withDynamic, int limit) {
    }

    /** A tag's profile: static traits, recent dynamic context (newest first), and the search hits for a query. */
    public record Profile(List<Memory> staticMemories, List<Memory> dynamicMemories, List<ScoredMemory> results) {
    }

    /** The profile of a tag; a tag without memories has empty lists. */
    public Profile profile(String tenant, ProfileRequest r) {
        MemorySelection selection = MemorySelection.latest(Scope.of(tenant, r.containerTag()))
                .withFilter(r.filter());
        List<Memory> statics = r.withStatic() ? store.list(selection.withStatic(true), DocumentSort.NEWEST_FIRST,
                0, PROFILE_STATIC).items() : List.of();
        List<Memory> dynamics = r.withDynamic() ? store.list(selection.withStatic(false), DocumentSort.NEWEST_FIRST,
                0, PROFILE_DYNAMIC).items() : List.of();
        List<ScoredMemory> results = r.query() == null || r.query().isBlank() ? null
                : search.search(MemoryQuery.hybrid(selection, r.query(), r.limit(), r.threshold()));
        return new Profile(statics, dynamics, results);
    }

    /** Memory search (see {@link MemorySearch}). */
    public List<ScoredMemory> search(MemoryQuery query) {
        return search.search(query);
    }

    /** Whether the scope holds any memory at all (any version, forgotten or not). */
    public boolean hasMemories(Scope scope) {
        return store.list(MemorySelection.latest(scope).withForgotten(true).withHistory(true), null, 0, 1)
                .total() > 0;
    }

    /** Every version of a chain, oldest first. */
    public List<Memory> versions(Scope scope, String rootMemoryId) {
        return store.versions(scope, rootMemoryId);
    }

    /** Memories of the scope by id, in the order of the ids. */
    public List<Memory> getAll(Scope scope, Collection<String> ids) {
        return store.getAll(scope, ids);
    }

    private Memory find(String tenant, String containerTag, String id, String content) {
        if (id != null) {
            return store.get(Scope.of(tenant, containerTag), id).orElseThrow(() -> new NotFoundException("Memory"));
        }
        return store.findByContent(tenant, containerTag, content).orElseThrow(() -> new NotFoundException("Memory"));
    }
}
