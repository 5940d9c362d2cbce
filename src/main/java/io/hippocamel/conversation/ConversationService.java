package io.hippocamel.conversation;

import io.hippocamel.tenancy.RequestRules;
import org.apache.commons.codec.digest.DigestUtils;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.NewDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps each conversation as one document of its container tag, appending only turns it does not hold yet, through
 * the normal durable ingest pipeline. A conversation is identified by container tag and conversation id together,
 * and its document's customId lives in a namespace of its own that ordinary documents cannot use.
 */
public class ConversationService {

    /**
     * Prefix and separator of conversation documents' customIds: '~' is outside the customId charset the API
     * accepts (and outside container tags), so no ordinary document can take (or be taken for) a conversation's.
     */
    public static final String CUSTOM_ID_PREFIX = "conversation~";
    /** Conversation ids kept readable in the customId: a tag (at most 100) and such an id fit its 255 chars. */
    private static final int MAX_READABLE_ID = 100;
    private static final int LOCK_STRIPES = 64;

    private final DocumentService documents;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public ConversationService(DocumentService documents) {
        this.documents = documents;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Turns to append to the conversation {@code conversationId} of {@code containerTag}. */
    public record Append(String tenant, String containerTag, String conversationId, List<Turn> turns,
                         Map<String, Object> metadata) {

        public Append {
            Objects.requireNonNull(containerTag, "containerTag");
            Objects.requireNonNull(conversationId, "conversationId");
        }
    }

    /** The outcome: the conversation document, and how many turns were new. */
    public record Appended(String documentId, String status, int newTurns) {
    }

    public Appended append(Append request) {
        String customId = documentCustomId(request.containerTag(), request.conversationId());
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

    /**
     * The customId of a conversation's document, one per container tag and conversation id:
     * {@code conversation~<tag>~<id>}, or {@code conversation~<tag>~~<hash>} for an id outside the customId charset.
     */
    public static String documentCustomId(String containerTag, String conversationId) {
        return CUSTOM_ID_PREFIX + containerTag + "~" + (RequestRules.isCustomId(conversationId) && conversationId.length() <= MAX_READABLE_ID
                ? conversationId : "~" + sha256(conversationId, 16));
    }

    /** A stable conversation id for a chat that sends none: its user and its opening user message. */
    public static String derivedId(String user, List<Turn> turns) {
        String opening = turns.stream().filter(t -> t.role().equals("user")).map(Turn::text).findFirst().orElse("");
        return "conv_" + sha256((user == null ? "" : user) + "\n" + opening, 12);
    }

    private static String sha256(String text, int bytes) {
        return DigestUtils.sha256Hex(text).substring(0, 2 * bytes);
    }
}
