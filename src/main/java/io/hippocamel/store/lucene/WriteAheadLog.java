package io.hippocamel.store.lucene;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.StateRecord;
import io.hippocamel.core.StoredDocument;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.apache.lucene.util.IOUtils;

/**
 * The store's write-ahead log: every index write is appended here in index order, and a durable write returns once
 * the log is fsynced past it. An fsync of an appended file costs about a millisecond, a Lucene commit (flush a
 * segment, write and fsync its files, the live-docs files and {@code segments_N}) 15 to 25 ms, too much per write.
 * So Lucene commits only at checkpoints and on close, and on start-up the logs written since the last commit are
 * replayed. Every entry replaces or deletes a whole document block, so replaying entries the commit already holds
 * ends in the same state.
 *
 * <p>Files are {@code wal-<generation>.log}; an entry is {@code [payload length][CRC-32C of payload][payload]}. A
 * crash can tear only the last entry of the newest file, which replay recognises and ignores; a bad entry anywhere
 * else is corruption, and opening fails rather than silently skipping writes.
 *
 * <p>The framing works on opaque payloads ({@link #replay}, {@link #appendPayload}), so every index
 * ({@link LuceneIndex}) logs its own entries with the same guarantees; the document store's entries are below
 * ({@link #encode}, {@link #decode}).
 */
public final class WriteAheadLog implements Closeable {

    /** One logged index write. */
    sealed interface Entry permits Put, PutAll, Delete, PutState, DeleteState {
    }

    /** A document block written: the document record and all its chunks. */
    record Put(StoredDocument document, List<Chunk> chunks) implements Entry {
    }

    /**
     * Several document blocks written as one entry: a batch of documents accepted together. One entry has one
     * checksum, so a crash while it is being written leaves none of the batch rather than its first documents.
     */
    record PutAll(List<Put> puts) implements Entry {
    }

    /** Documents of one tenant deleted with their chunks. */
    record Delete(String tenant, List<String> ids) implements Entry {
    }

    /** A coordination record written (its whole new state). */
    record PutState(StateRecord state) implements Entry {
    }

    /** A coordination record removed. */
    record DeleteState(String key) implements Entry {
    }

    /** Applies one replayed payload, as {@link #appendPayload} was given it. */
    @FunctionalInterface
    interface PayloadReplayer {
        void apply(byte[] payload) throws IOException;
    }

    private static final Pattern FILE_NAME = Pattern.compile("wal-(\\d+)\\.log");
    private static final byte PUT = 1;
    private static final byte DELETE = 2;
    private static final byte PUT_STATE = 3;
    private static final byte DELETE_STATE = 4;
    private static final byte PUT_ALL = 5;
    private static final int HEADER_BYTES = 2 * Integer.BYTES;

    private final Path folder;
    /** Guards the channel against a roll while an fsync runs. */
    private final Object syncLock = new Object();
    private FileChannel channel;
    private long generation;
    private volatile long appendedSeqNo = -1;
    private volatile long size;
    /**
     * Set when a failed append could not be undone: the file may hold half an entry, so nothing may follow it. Only
     * a restart clears it (replay then treats the half entry as the torn end of the newest file).
     */
    private volatile boolean broken;

    private WriteAheadLog(Path folder, long generation) throws IOException {
        this.folder = folder;
        this.generation = generation;
        this.channel = create(generation);
    }

    /**
     * Replays every log in {@code folder} through {@code replayer}, oldest first. Returns the generation the next log
     * must use. The files stay: {@link #start} removes them once a Lucene commit holds what was replayed.
     */
    static long replay(Path folder, PayloadReplayer replayer) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = existingFiles(folder);
        for (int i = 0; i < files.size(); i++) {
            replay(files.get(i), replayer, i == files.size() - 1);
        }
        return files.isEmpty() ? 1 : generationOf(files.get(files.size() - 1)) + 1;
    }

    /**
     * Starts an empty log of the given generation after deleting the older files, which the caller has committed.
     * Deleting first matters: a torn last entry is only harmless in the newest file.
     */
    static WriteAheadLog start(Path folder, long generation) throws IOException {
        deleteFilesBefore(folder, generation);
        return new WriteAheadLog(folder, generation);
    }

    /** Appends an opaque payload for the index write with this sequence number. Callers append in index order. */
    void appendPayload(byte[] payload, long seqNo) throws IOException {
        if (broken) {
            throw new IOException("write-ahead log is unusable after a failed write; restart the store");
        }
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length)
                .putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        long before = size;
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            undo(before, e);
            throw e;
        }
        size = before + frame.limit();
        appendedSeqNo = seqNo;
    }

    /** Cuts a partly written entry off, so that later entries do not follow garbage. */
    private void undo(long before, IOException cause) {
        try {
            channel.truncate(before);
            channel.position(before);
        } catch (IOException e) {
            cause.addSuppressed(e);
            broken = true;
        }
    }

    /** Forces the log to disk; returns the sequence number of the last entry that is now durable. */
    long sync() throws IOException {
        synchronized (syncLock) {
            long covered = appendedSeqNo; // read first: every entry up to it is already written to the channel
            channel.force(false);
            return covered;
        }
    }

    /**
     * Forces the current file and continues in a new one; returns the sequence number now durable. A Lucene commit
     * that starts after this holds every entry of the older files. Callers must not append concurrently.
     */
    long roll() throws IOException {
        synchronized (syncLock) {
            long covered = appendedSeqNo;
            channel.force(false);
            channel.close();
            generation++;
            channel = create(generation);
            size = 0;
            return covered;
        }
    }

    /** Deletes the files before the current one, once a Lucene commit holds their entries. */
    void deleteOlderFiles() throws IOException {
        deleteFilesBefore(folder, generation);
    }

    /** Bytes in the current file: when to checkpoint. */
    long size() {
        return size;
    }

    /** Closes the log; with {@code delete}, removes every file, because a Lucene commit holds all entries. */
    void close(boolean delete) throws IOException {
        synchronized (syncLock) {
            channel.close();
        }
        if (delete) {
            deleteFilesBefore(folder, Long.MAX_VALUE);
        }
    }

    @Override
    public void close() throws IOException {
        close(false);
    }

    private FileChannel create(long gen) throws IOException {
        FileChannel created = FileChannel.open(folder.resolve("wal-" + gen + ".log"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        IOUtils.fsync(folder, true); // the new file's name must survive a crash as well as its content
        return created;
    }

    private static void deleteFilesBefore(Path folder, long generation) throws IOException {
        for (Path file : existingFiles(folder)) {
            if (generationOf(file) < generation) {
                Files.delete(file);
            }
        }
        IOUtils.fsync(folder, true);
    }

    private static List<Path> existingFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(WriteAheadLog::generationOf))
                    .toList();
        }
    }

    private static long generationOf(Path file) {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a log file: " + file);
        }
        return Long.parseLong(m.group(1));
    }

    private static void replay(Path file, PayloadReplayer replayer, boolean newest) throws IOException {
        long remaining = Files.size(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (remaining > 0) {
                byte[] payload = remaining < HEADER_BYTES ? null : readEntry(in, remaining - HEADER_BYTES);
                if (payload == null) {
                    if (newest) {
                        return; // the write a crash interrupted; it was never acknowledged
                    }
                    throw new IOException("write-ahead log " + file + " is corrupt; refusing to open");
                }
                remaining -= HEADER_BYTES + payload.length;
                replayer.apply(payload);
            }
        }
    }

    /** The next entry's payload, or null when it is torn or corrupt. */
    private static byte[] readEntry(DataInputStream in, long available) throws IOException {
        int length = in.readInt();
        int expectedCrc = in.readInt();
        if (length <= 0 || length > available) {
            return null;
        }
        byte[] payload = in.readNBytes(length);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue() == expectedCrc ? payload : null;
    }

    /** The payload of a document store entry. */
    static byte[] encode(Entry entry, LuceneRecords records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (entry instanceof Put put) {
                out.writeByte(PUT);
                writePut(out, put, records);
            } else if (entry instanceof PutAll putAll) {
                out.writeByte(PUT_ALL);
                out.writeInt(putAll.puts().size());
                for (Put put : putAll.puts()) {
                    writePut(out, put, records);
                }
            } else if (entry instanceof PutState putState) {
                out.writeByte(PUT_STATE);
                writeString(out, putState.state().key());
                writeString(out, putState.state().value());
                out.writeLong(putState.state().version());
            } else if (entry instanceof DeleteState deleteState) {
                out.writeByte(DELETE_STATE);
                writeString(out, deleteState.key());
            } else {
                Delete delete = (Delete) entry;
                out.writeByte(DELETE);
                writeString(out, delete.tenant());
                out.writeInt(delete.ids().size());
                for (String id : delete.ids()) {
                    writeString(out, id);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void writePut(DataOutputStream out, Put put, LuceneRecords records) throws IOException {
        writeString(out, records.toJson(put.document()));
        out.writeInt(put.chunks().size());
        for (Chunk chunk : put.chunks()) {
            writeString(out, chunk.id());
            writeString(out, chunk.documentId());
            out.writeInt(chunk.position());
            writeString(out, chunk.text());
            out.writeInt(chunk.vector().length);
            for (float v : chunk.vector()) {
                out.writeFloat(v);
            }
        }
        // chunk contexts trail the chunks, so entries written before contexts existed still decode
        for (Chunk chunk : put.chunks()) {
            writeString(out, chunk.context() == null ? "" : chunk.context());
        }
    }

    /** The document store entry of a payload {@link #encode} made. */
    static Entry decode(byte[] payload, LuceneRecords records) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte type = in.readByte();
            if (type == PUT) {
                return readPut(in, records, true);
            }
            if (type == PUT_ALL) {
                int count = in.readInt();
                List<Put> puts = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    puts.add(readPut(in, records, false));
                }
                return new PutAll(puts);
            }
            if (type == PUT_STATE) {
                return new PutState(new StateRecord(readString(in), readString(in), in.readLong()));
            }
            if (type == DELETE_STATE) {
                return new DeleteState(readString(in));
            }
            String tenant = readString(in);
            int count = in.readInt();
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(readString(in));
            }
            return new Delete(tenant, ids);
        }
    }

    /**
     * One document block. Contexts trail its chunks; {@code last} says whether the block ends the payload, where
     * entries written before contexts existed may lack them.
     */
    private static Put readPut(DataInputStream in, LuceneRecords records, boolean last) throws IOException {
        StoredDocument document = records.fromJson(readString(in));
        int count = in.readInt();
        List<Chunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = readString(in);
            String documentId = readString(in);
            int position = in.readInt();
            String text = readString(in);
            float[] vector = new float[in.readInt()];
            for (int j = 0; j < vector.length; j++) {
                vector[j] = in.readFloat();
            }
            chunks.add(new Chunk(id, documentId, position, text, vector));
        }
        if (!last || in.available() > 0) {
            for (int i = 0; i < count; i++) {
                String context = readString(in);
                Chunk c = chunks.get(i);
                chunks.set(i, new Chunk(c.id(), c.documentId(), c.position(), c.text(), c.vector(),
                        context.isEmpty() ? null : context));
            }
        }
        return new Put(document, chunks);
    }

    /** Writes text (null as empty) length-first, as every payload of the embedded indices does. */
    public static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Reads what {@link #writeString} wrote. */
    public static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
