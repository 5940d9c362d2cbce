package io.hippocamel.memory;

import io.hippocamel.core.ConflictException;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where memories live. One contract, two backends (Lucene on local disk, Elasticsearch);
 * {@code MemoryFactStoreContractTest} pins it down and every backend runs it.
 *
 * <p>Contract:
 * <ul>
 *   <li><b>Tenancy and tags.</b> Every call names its tenant, directly or in a {@link Scope} (whose tags, when
 *       given, restrict it further); nothing of one tenant is ever returned, changed or deleted through another
 *       tenant's call, nor anything of a tag outside the scope. Memory ids are unique per tenant.</li>
 *   <li><b>Versions.</b> Writing a memory whose {@code parentMemoryId} names another stored memory makes that parent
 *       no longer the latest, in the same write. The parent must exist in the same tenant and tag, be the latest
 *       of its chain, have the same root and the version before: otherwise {@link NotFoundException} (no parent),
 *       {@link ConflictException} (another version superseded it first) or {@link IllegalArgumentException}
 *       (inconsistent chain), and nothing is written. So concurrent updates of one fact leave exactly one latest
 *       version. Re-writing a memory that is already stored with the same parent is a plain replace.</li>
 *   <li><b>Batches.</b> {@link #putAll} checks every memory before writing any: a refused memory writes nothing.
 *       Lucene writes the batch atomically; Elasticsearch writes each memory atomically, and a batch that fails
 *       half-way (cluster gone) can be retried as it is (writes by id are idempotent).</li>
 *   <li><b>Forgetting and expiry.</b> Forgetting is a soft delete ({@code isForgotten}, with a reason). A memory
 *       whose {@code forgetAfter} is at or before the store clock's now is read as forgotten
 *       ({@link Memory#asSeenAt}) by every read, and left out of whatever leaves out forgotten memories.</li>
 *   <li><b>Durability and visibility.</b> When a write returns, it survives a crash of the process and every read
 *       that starts afterwards, searches included, sees it (a memory added is immediately searchable).</li>
 *   <li><b>Vectors.</b> Every memory written has a vector of the store's dimension; it is stored scaled to unit
 *       length and returned by every read.</li>
 *   <li><b>Scores.</b> {@link #searchVector}: {@code (1 + cosine) / 2}, in [0,1], best first. {@link #searchText}:
 *       BM25 (k1 1.2, b 0.75, English stemming, query stop words dropped, as for chunks), &gt;= 0, best first. Both
 *       return at most {@code k} hits and an empty list for an empty query.</li>
 *   <li><b>Threads.</b> Implementations are thread-safe.</li>
 * </ul>
 */
public interface MemoryFactStore extends AutoCloseable {

    /** Creates or replaces one memory (by tenant + id); see the contract for versions. Durable, visible. */
    default void put(Memory memory) {
        putAll(List.of(memory));
    }

    /** Creates or replaces several memories in one write, after checking all of them (see the contract). */
    void putAll(Collection<Memory> memories);

    /** The memory with this id, if it is in scope. */
    Optional<Memory> get(Scope scope, String id);

    /** The memories in scope with these ids, in the order of the ids; unknown ids are left out. */
    List<Memory> getAll(Scope scope, Collection<String> ids);

    /**
     * The memory of the tag whose content is exactly {@code content}: the latest version, one not forgotten when
     * there is such a one, else the most recently updated. Empty when none.
     */
    Optional<Memory> findByContent(String tenant, String containerTag, String content);

    /** Every version of the chain with this root in scope, oldest version first. */
    List<Memory> versions(Scope scope, String rootMemoryId);

    /** Memories of the selection, sorted (null: newest created first), one page. */
    Page<Memory> list(MemorySelection selection, DocumentSort sort, int offset, int limit);

    /** Forgets a memory in scope with a reason (may be null): soft delete, see {@link ForgetResult.Outcome}. */
    ForgetResult forget(Scope scope, String id, String reason);

    /**
     * A document of the tenant was deleted: memories that only it supported are forgotten (its source kept as the
     * record of where they came from), memories other documents support too lose it as a source.
     */
    SourceRemoval removeDocumentSource(String tenant, String documentId);

    /** Deletes every memory of the tag in the tenant, all versions, forgotten or not. Returns how many. */
    long deleteByContainerTag(String tenant, String containerTag);

    /** Latest, remembered memories per container tag in scope; tags without any are left out. */
    Map<String, Long> countByTag(Scope scope);

    /** BM25 search over memory content within the selection. */
    List<MemoryHit> searchText(MemorySelection selection, String query, int k);

    /** Approximate nearest-neighbour search over memory vectors within the selection. */
    List<MemoryHit> searchVector(MemorySelection selection, float[] vector, int k);

    /** Number of stored memories (all tenants, every version): for health and benchmarks. */
    long memoryCount();

    @Override
    void close();
}
