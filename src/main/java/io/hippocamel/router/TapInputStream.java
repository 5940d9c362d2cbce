package io.hippocamel.router;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Passes a streamed upstream answer through untouched while keeping a copy (up to a cap), and hands the copy over
 * once the stream has ended: how the store step sees a streamed answer without buffering it on the response path.
 * Only a stream read to its end is handed over.
 */
public class TapInputStream extends FilterInputStream {

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final int maxBytes;
    private final Consumer<byte[]> onEnd;
    private boolean ended;

    public TapInputStream(InputStream in, int maxBytes, Consumer<byte[]> onEnd) {
        super(in);
        this.maxBytes = maxBytes;
        this.onEnd = onEnd;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else if (copy.size() < maxBytes) {
            copy.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            end();
        } else {
            copy.write(buffer, offset, Math.min(n, Math.max(0, maxBytes - copy.size())));
        }
        return n;
    }

    /** Closing before the end (the client went away) hands nothing over: a cut answer is not stored. */
    @Override
    public void close() throws IOException {
        ended = true;
        super.close();
    }

    private void end() {
        if (!ended) {
            ended = true;
            onEnd.accept(copy.toByteArray());
        }
    }
}
