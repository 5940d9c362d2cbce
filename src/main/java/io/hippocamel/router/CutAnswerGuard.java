package io.hippocamel.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Passes an upstream answer through, and makes sure a streamed answer the router has to cut (the upstream fell
 * silent or dropped the connection, or the call ran past {@code max-call-duration}) ends with an error event in
 * the provider's format instead of just stopping: a client must be able to tell a cut answer from a complete one.
 * A plain JSON answer cut short is left broken (the client's JSON parser reports it).
 */
public class CutAnswerGuard extends FilterInputStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean events;
    private final Provider provider;
    private final Clock clock;
    private final Instant deadline;
    private InputStream errorEvent;

    public CutAnswerGuard(InputStream in, boolean events, Provider provider, Clock clock, Instant deadline) {
        super(in);
        this.events = events;
        this.provider = provider;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (errorEvent != null) {
            return errorEvent.read(buffer, offset, length);
        }
        if (clock.instant().isAfter(deadline)) {
            return cut("the answer took longer than the router allows (hippocamel.router.max-call-duration)",
                    buffer, offset, length, null);
        }
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            return cut("the upstream stopped answering before the end of the answer", buffer, offset, length, e);
        }
    }

    private int cut(String message, byte[] buffer, int offset, int length, IOException cause) throws IOException {
        if (!events) {
            throw cause != null ? cause : new IOException(message);
        }
        errorEvent = new ByteArrayInputStream(errorEvent(provider, message).getBytes(StandardCharsets.UTF_8));
        return errorEvent.read(buffer, offset, length);
    }

    /** The provider's own mid-stream error event, which its SDKs raise as an error. */
    static String errorEvent(Provider provider, String message) {
        ObjectNode event = JSON.createObjectNode();
        if (provider == Provider.ANTHROPIC) {
            event.put("type", "error").putObject("error").put("type", "api_error").put("message", message);
            return "event: error\ndata: " + event + "\n\n";
        }
        event.putObject("error").put("message", message).put("type", "server_error").put("code", "stream_cut");
        return "data: " + event + "\n\n";
    }
}
