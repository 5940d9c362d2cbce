package io.hippocamel.router;

import io.hippocamel.HippocamelConstants;
import io.hippocamel.conversation.ConversationService;
import io.hippocamel.conversation.Turn;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the upstream answered: drops hop-by-hop headers, adds the x-supermemory-* headers, and arranges for the new
 * turns to be stored once the answer is complete (for streams: when the last byte has passed through), by handing
 * them to the store queue. The answer itself passes through untouched, except that a stream the router has to cut
 * ends with an error event ({@link CutAnswerGuard}).
 */
public class UpstreamResponseHandler implements Processor {

    /** Keep at most this much of a streamed answer for storing. */
    private static final int MAX_STORED_ANSWER = 4 * 1024 * 1024;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "content-length");

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamResponseHandler.class);

    private final ReplyParser replies;
    private final ProducerTemplate producer;
    private final Duration maxCallDuration;
    private final Clock clock;

    public UpstreamResponseHandler(ReplyParser replies, ProducerTemplate producer, Duration maxCallDuration,
                                   Clock clock) {
        this.replies = replies;
        this.producer = producer;
        this.maxCallDuration = maxCallDuration;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        new ArrayList<>(message.getHeaders().keySet()).stream()
                .filter(name -> HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)))
                .forEach(message::removeHeader);
        ChatCall call = exchange.getProperty(HippocamelConstants.ROUTER_CALL, ChatCall.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        boolean events = contentType.startsWith("text/event-stream");
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        boolean store = call != null && call.containerTag() != null && status / 100 == 2;
        if (call != null) {
            setHeaders(message, call, store ? pendingTurns(call) : 0);
        }
        Object body = message.getBody();
        if (body instanceof InputStream in) {
            InputStream tapped = store ? new TapInputStream(in, MAX_STORED_ANSWER, bytes -> enqueue(call, bytes,
                    events)) : in;
            Instant deadline = Instant.ofEpochMilli(exchange.getClock().getCreated()).plus(maxCallDuration);
            message.setBody(new CutAnswerGuard(tapped, events, call == null ? Provider.OPENAI : call.provider(),
                    clock, deadline));
        } else if (store) {
            enqueue(call, message.getBody(byte[].class), events);
        }
    }

    /** Never throws: storing is memory's business, and memory trouble must not break the answer. */
    private void enqueue(ChatCall call, byte[] answer, boolean events) {
        try {
            String reply = answer == null ? "" : replies.text(answer, call.provider(), events);
            List<Turn> turns = new ArrayList<>(ChatMessages.turns(call.original()));
            if (!reply.isBlank()) {
                turns.add(new Turn("assistant", reply));
            }
            producer.sendBody(HippocamelConstants.ROUTER_STORE_QUEUE, new ConversationService.Append(call.tenant(),
                    call.containerTag(), call.conversationId(), turns, Map.of("source", "router")));
        } catch (RuntimeException e) {
            LOG.warn("could not queue the turns of conversation {} for storing: {}", call.conversationId(),
                    e.getMessage());
        }
    }

    /** The turns this request adds: the user turns after the last assistant turn, and the answer. */
    static int pendingTurns(ChatCall call) {
        List<Turn> turns = ChatMessages.turns(call.original());
        int n = 1;
        for (int i = turns.size() - 1; i >= 0 && !turns.get(i).role().equals("assistant"); i--) {
            n++;
        }
        return n;
    }

    static void setHeaders(Message message, ChatCall call, int storedTurns) {
        RouterStats stats = call.stats();
        message.setHeader(HippocamelConstants.SM_CONVERSATION_ID, call.conversationId());
        message.setHeader(HippocamelConstants.SM_CONTEXT_MODIFIED, Boolean.toString(stats.contextModified()));
        message.setHeader(HippocamelConstants.SM_TOKENS_PROCESSED, Integer.toString(stats.tokensProcessed()));
        message.setHeader(HippocamelConstants.SM_CHUNKS_RETRIEVED, Integer.toString(stats.memoriesAdded()));
        message.setHeader(HippocamelConstants.SM_CHUNKS_CREATED, Integer.toString(storedTurns));
        if (stats.turnsDropped() > 0) {
            message.setHeader(HippocamelConstants.SM_CHUNKS_DELETED, Integer.toString(stats.turnsDropped()));
        }
        if (stats.error() != null) {
            message.setHeader(HippocamelConstants.SM_ERROR, stats.error());
        }
    }
}
