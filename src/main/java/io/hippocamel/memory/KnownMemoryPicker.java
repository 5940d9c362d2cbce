package io.hippocamel.memory;

import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.memory.extract.ExtractionInput;
import io.hippocamel.memory.extract.KnownMemory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Extraction step 2: the known memories a new fact may duplicate, update or extend: the latest memories the
 * document's previous extraction produced (so a new version keeps what it still says), then the tag's latest
 * memories most similar to the document's user-authored text.
 */
public class KnownMemoryPicker {

    /** The query text is cut here: the embedder sees a few hundred tokens at most anyway. */
    private static final int MAX_QUERY_CHARS = 4000;

    private final MemoryFactStore store;
    private final MemorySearch search;
    private final ExtractionStatus status;
    private final int k;

    public KnownMemoryPicker(MemoryFactStore store, MemorySearch search, ExtractionStatus status, int k) {
        this.store = store;
        this.search = search;
        this.status = status;
        this.k = k;
    }

    public ExtractionRequest pick(ExtractionSource source) {
        StoredDocument doc = source.document();
        Scope scope = Scope.of(doc.tenant(), doc.containerTag());
        List<String> previousIds = status.of(doc.tenant(), doc.id()).map(ExtractionState::memoryIds)
                .orElse(List.of());
        List<Memory> previous = store.getAll(scope, previousIds).stream()
                .filter(m -> m.isLatest() && !m.isForgotten()).toList();
        Map<String, Memory> known = new LinkedHashMap<>();
        previous.forEach(m -> known.put(m.id(), m));
        String query = queryText(source.input());
        if (k > 0 && !query.isBlank()) {
            search.search(MemoryQuery.hybrid(MemorySelection.latest(scope), query, k, 0.0))
                    .forEach(hit -> known.putIfAbsent(hit.memory().id(), hit.memory()));
        }
        ExtractionInput in = source.input();
        List<KnownMemory> candidates = known.values().stream()
                .map(m -> new KnownMemory(m.id(), m.content(), m.isStatic())).toList();
        return new ExtractionRequest(source, new ExtractionInput(in.kind(), in.text(), in.turns(), in.title(),
                in.metadata(), candidates), known, previous);
    }

    private static String queryText(ExtractionInput input) {
        String text = input.kind() == ExtractionInput.Kind.DOCUMENT ? input.text()
                : input.turns().stream().filter(ExtractionInput.Turn::userAuthored)
                        .map(ExtractionInput.Turn::content).collect(Collectors.joining("\n"));
        return text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
    }
}
