package io.hippocamel.memory;

import io.hippocamel.core.StoredDocument;
import io.hippocamel.memory.extract.Decision;
import io.hippocamel.memory.extract.ExtractedFact;
import io.hippocamel.memory.extract.ExtractionResult;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Extraction step 4: turns the extractor's decisions into memory writes. NEW: a new memory; DUPLICATE: the existing
 * memory gains this document as a source; UPDATES: the target's next version; EXTENDS: a new memory related to the
 * target. Memories the document's previous version supported and this one no longer states lose it as a source
 * (forgotten when it was their only one). New memory ids derive from tenant, document, version and fact index, so
 * re-running a version rewrites the same memories instead of adding copies.
 */
public class DecisionApplier {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final MemoryFactStore store;
    private final Clock clock;

    public DecisionApplier(MemoryFactStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public MemoryBatch apply(ExtractedFacts facts) {
        StoredDocument doc = facts.request().source().document();
        ExtractionResult result = facts.result();
        Instant now = clock.instant();
        Map<String, Memory> writes = new LinkedHashMap<>();
        Set<String> supported = new LinkedHashSet<>();
        Set<String> updatedTargets = new HashSet<>();
        Map<String, Object> metadata = Map.of("extractedBy", result.producer().name().toLowerCase(Locale.ROOT));
        List<ExtractedFact> list = result.facts();
        for (int i = 0; i < list.size(); i++) {
            ExtractedFact fact = list.get(i);
            List<MemorySource> sources = sources(doc.id(), fact);
            Memory target = fact.targetId() == null ? null
                    : writes.getOrDefault(fact.targetId(), facts.request().known().get(fact.targetId()));
            Decision decision = target == null ? Decision.NEW : fact.decision();
            if (decision == Decision.NEW || decision == Decision.UPDATES && !updatedTargets.add(target.id())) {
                // the same content already stored (beyond the known memories the extractor saw) is a duplicate
                Optional<Memory> same = store.findByContent(doc.tenant(), doc.containerTag(), fact.content())
                        .filter(m -> m.isLatest() && !m.isForgotten());
                if (same.isPresent()) {
                    target = writes.getOrDefault(same.get().id(), same.get());
                    decision = Decision.DUPLICATE;
                } else {
                    decision = Decision.NEW;
                }
            }
            String id = memoryId(doc, i);
            Memory memory = switch (decision) {
                case DUPLICATE -> withSources(target, sources, now);
                case UPDATES -> target.nextVersion(id, fact.content(), null, now).isStatic(fact.isStatic())
                        .temporalContext(temporal(fact, target.temporalContext())).metadata(metadata)
                        .sources(sources).build();
                case EXTENDS, NEW -> Memory.create(id, doc.tenant(), doc.containerTag(), fact.content(), now)
                        .isStatic(fact.isStatic()).temporalContext(temporal(fact, null)).metadata(metadata)
                        .sources(sources).relations(decision == Decision.EXTENDS
                                ? List.of(new MemoryRelation(MemoryRelation.Type.EXTENDS, target.id()))
                                : List.of())
                        .build();
            };
            writes.put(memory.id(), memory);
            supported.add(memory.id());
        }
        for (Memory old : facts.request().previous()) {
            // an old fact this version updated stays in its chain's history as it was
            if (!supported.contains(old.id()) && !writes.containsKey(old.id()) && !updatedTargets.contains(old.id())) {
                writes.put(old.id(), MemoryWrites.withoutSource(old, doc.id(), now));
            }
        }
        return new MemoryBatch(facts.request().source().job(), doc.version(), List.copyOf(writes.values()),
                List.copyOf(supported));
    }

    /** One source per turn the fact was said in; the whole document when it names none. */
    private static List<MemorySource> sources(String documentId, ExtractedFact fact) {
        List<Integer> turns = fact.provenance().turnIndexes();
        return turns.isEmpty() ? List.of(MemorySource.of(documentId))
                : turns.stream().map(t -> new MemorySource(documentId, null, t)).toList();
    }

    private static Memory withSources(Memory memory, List<MemorySource> sources, Instant now) {
        List<MemorySource> all = new ArrayList<>(memory.sources());
        sources.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return all.size() == memory.sources().size() ? memory
                : memory.toBuilder().sources(all).updatedAt(now).build();
    }

    /** The phrase saying when the fact holds, kept as {@code {"expression": ...}}; else what the target had. */
    private static Map<String, Object> temporal(ExtractedFact fact, Map<String, Object> otherwise) {
        return fact.temporalContext() == null ? otherwise : Map.of("expression", fact.temporalContext());
    }

    /** 22 base62 characters of SHA-256(tenant, document, version, fact index): the same on every re-run. */
    static String memoryId(StoredDocument doc, int factIndex) {
        byte[] hash = DigestUtils.sha256((doc.tenant() + "\u0000" + doc.id() + "\u0000" + doc.version() + "\u0000"
                + factIndex).getBytes(StandardCharsets.UTF_8));
        BigInteger n = new BigInteger(1, hash);
        BigInteger base = BigInteger.valueOf(ALPHABET.length());
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            BigInteger[] qr = n.divideAndRemainder(base);
            id.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        return id.toString();
    }
}
