package io.hippocamel.router;

import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.NewDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Keeps each conversation as one document of the user's pool ({@code customId} = conversation id), appending only
 * turns it does not hold yet, through the normal durable ingest pipeline. Used by the router's store step and by
 * {@code POST /v4/conversations}.
 */
public class ConversationStore {

    private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_:.\\-]{1,200}");
    private static final int LOCK_STRIPES = 64;

    private final DocumentService documents;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public ConversationStore(DocumentService documents) {
        this.documents = documents;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Turns to append to a conversation. */
    public record Append(String tenant, String containerTag, String conversationId, List<Turn> turns,
                         Map<String, Object> metadata) {
    }

    /** The outcome: the conversation document, and how many turns were new. */
    public record Appended(String documentId, String status, int newTurns) {
    }

    public Appended append(Append request) {
        String customId = customIdFor(request.conversationId());
        synchronized (locks[Math.floorMod(Objects.hash(request.tenant(), customId), locks.length)]) {
            StoredDocument existing = documents.find(request.tenant(), customId).orElse(null);
            List<Turn> stored = existing == null ? List.of() : Transcript.parse(existing.content());
            List<Turn> fresh = Transcript.newTurns(stored, request.turns().stream()
                    .filter(t -> !t.text().isBlank()).toList());
            if (fresh.isEmpty() && existing != null) {
                return new Appended(existing.id(), existing.status().wire(), 0);
            }
            List<Turn> all = new ArrayList<>(stored);
            all.addAll(fresh);
            Map<String, Object> metadata = new LinkedHashMap<>(request.metadata());
            metadata.put("type", "conversation");
            metadata.put("conversationId", request.conversationId());
            DocumentService.Accepted accepted = documents.add(request.tenant(), new NewDocument(
                    Transcript.format(all), request.containerTag(), customId, metadata, null));
            return new Appended(accepted.id(), accepted.status().wire(), fresh.size());
        }
    }

    /** The conversation id itself when it is a valid customId, else a stable hash of it. */
    public static String customIdFor(String conversationId) {
        return CUSTOM_ID.matcher(conversationId).matches() ? conversationId : "conv_" + sha256(conversationId, 16);
    }

    static String sha256(String text, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
