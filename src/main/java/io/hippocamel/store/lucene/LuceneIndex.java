package io.hippocamel.store.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One durable Lucene index under one folder, as both embedded stores (documents, memories) keep theirs.
 *
 * <ul>
 *   <li><b>Layout.</b> {@code <directory>/index} is the Lucene index, {@code <directory>/wal} its write-ahead log
 *       ({@link WriteAheadLog}) of payloads the owning store encodes and, on opening, replays.</li>
 *   <li><b>Writes</b> run as one check-and-write step under the write lock; the step writes the index, appends its
 *       payload ({@link #log}) and marks its sequence number ({@link #written}). After leaving the lock a durable
 *       write waits for an fsync of the log that covers it ({@link GroupCommit}), so concurrent writers share fsyncs.
 *       Lucene itself commits at checkpoints (when the log has grown past a size) and on close.</li>
 *   <li><b>Visibility.</b> {@link #query} reopens the near-real-time searcher first when a write happened since it
 *       was last opened; {@link #read} uses the searcher as it is. Reads take no lock.</li>
 *   <li><b>One owner.</b> Lucene's write lock keeps a second process (or store) off the folder: opening then fails
 *       with a {@link DataDirectoryInUseException}.</li>
 * </ul>
 */
public final class LuceneIndex implements Closeable {

    /** The sequence number of a step that wrote nothing. */
    public static final long NOTHING_WRITTEN = -1;

    /** Applies one replayed log payload to the index, the same way the write that logged it did. */
    @FunctionalInterface
    public interface Replayer {
        void apply(IndexWriter writer, byte[] payload) throws IOException;
    }

    /** What a write step returns: its result and the sequence number of its last index write. */
    public record Written<T>(T value, long seqNo) {

        /** A result with nothing written. */
        public static <T> Written<T> nothing(T value) {
            return new Written<>(value, NOTHING_WRITTEN);
        }
    }

    /** A check-and-write step, run under the write lock. */
    @FunctionalInterface
    public interface WriteStep<T> {
        Written<T> apply() throws IOException;
    }

    /** A read on an acquired searcher. */
    @FunctionalInterface
    public interface ReadStep<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final String name;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final WriteAheadLog wal;
    private final GroupCommit commits;
    private final long checkpointBytes;
    private final LongConsumer onPublished;
    private final BooleanSupplier publishDue;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock checkpointLock = new ReentrantLock();
    /** Sequence number of the latest index write; set under the write lock right after each index write. */
    private volatile long lastSeqNo = NOTHING_WRITTEN;
    /** Every write up to this sequence number is in the published searcher. */
    private final AtomicLong publishedSeqNo = new AtomicLong(NOTHING_WRITTEN);
    private final AtomicBoolean closed = new AtomicBoolean();

    private LuceneIndex(String name, Directory directory, Analyzer analyzer, IndexWriter writer,
                        SearcherManager searchers, WriteAheadLog wal, long checkpointBytes, LongConsumer onPublished,
                        BooleanSupplier publishDue) {
        this.name = name;
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = searchers;
        this.wal = wal;
        this.commits = new GroupCommit(wal::sync);
        this.checkpointBytes = checkpointBytes;
        this.onPublished = onPublished;
        this.publishDue = publishDue;
    }

    /**
     * Opens (creating when missing) the index in {@code directory} and replays what its log holds beyond the last
     * commit through {@code replayer}. {@code name} names the index in error messages; {@code checkpointBytes} is the
     * log size that triggers a checkpoint.
     */
    public static LuceneIndex open(Path directory, String name, long checkpointBytes, Replayer replayer) {
        return open(directory, name, checkpointBytes, replayer, seqNo -> { }, () -> false);
    }

    /**
     * {@link #open(Path, String, long, Replayer)} for an owner that keeps writes beside the searcher:
     * {@code onPublished} hears which writes a newly published searcher holds, and {@code publishDue}, asked after each
     * write, says when the owner wants a publish even without a query.
     */
    static LuceneIndex open(Path directory, String name, long checkpointBytes, Replayer replayer,
                            LongConsumer onPublished, BooleanSupplier publishDue) {
        Directory index = null;
        Analyzer textAnalyzer = TextAnalysis.newAnalyzer();
        IndexWriter indexWriter = null;
        WriteAheadLog log = null;
        SearcherManager searcherManager = null;
        try {
            Files.createDirectories(directory);
            index = new MMapDirectory(directory.resolve("index"));
            indexWriter = new IndexWriter(index, new IndexWriterConfig(textAnalyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // no merge-on-refresh: a reopen (which every search after a write does) would otherwise wait
                    // up to 500 ms for small-segment merges; measured as the router's p99 tail
                    .setMaxFullFlushMergeWaitMillis(0)
                    .setSimilarity(TextAnalysis.SIMILARITY));
            IndexWriter replayInto = indexWriter;
            Path walFolder = directory.resolve("wal");
            long nextGeneration = WriteAheadLog.replay(walFolder, payload -> replayer.apply(replayInto, payload));
            indexWriter.commit(); // what was replayed is in the index now, so the old log files can go
            log = WriteAheadLog.start(walFolder, nextGeneration);
            searcherManager = new SearcherManager(indexWriter, new Bm25SearcherFactory());
            return new LuceneIndex(name, index, textAnalyzer, indexWriter, searcherManager, log, checkpointBytes,
                    onPublished, publishDue);
        } catch (LockObtainFailedException e) {
            IOUtils.closeWhileHandlingException(searcherManager, log, indexWriter, index, textAnalyzer);
            // another process (or store) holds Lucene's write lock: its stack trace would only hide that
            throw new DataDirectoryInUseException(directory, directory.resolve("index")
                    .resolve(IndexWriter.WRITE_LOCK_NAME));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(searcherManager, log, indexWriter, index, textAnalyzer);
            throw e instanceof IOException io ? new UncheckedIOException("cannot open " + name + " in " + directory,
                    io) : (RuntimeException) e;
        }
    }

    /** Searchers that score with the same BM25 parameters the index was written with. */
    private static final class Bm25SearcherFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(TextAnalysis.SIMILARITY);
            return searcher;
        }
    }

    /** The analyzer the index is written with, for parsing text queries. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** The index writer; write with it only inside a {@link #write} step. */
    public IndexWriter writer() {
        return writer;
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    /**
     * Runs a check-and-write step under the write lock, then (when durable) waits for an fsync of the log that
     * covers it, and checkpoints when the log has grown past its size.
     */
    public <T> T write(boolean durable, WriteStep<T> step) {
        Written<T> written;
        writeLock.lock();
        try {
            written = step.apply();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " write failed", e);
        } finally {
            writeLock.unlock();
        }
        if (written.seqNo() != NOTHING_WRITTEN) {
            if (durable) {
                commits.awaitDurable(written.seqNo());
            }
            if (publishDue.getAsBoolean()) {
                publish();
            }
            if (wal.size() > checkpointBytes) {
                checkpoint();
            }
        }
        return written.value();
    }

    /**
     * A {@link #write} during which no checkpoint commits the index: a batch of several index writes then reaches
     * the commit whole or not at all.
     */
    public <T> T writeWhole(boolean durable, WriteStep<T> step) {
        checkpointLock.lock(); // same order as checkpoint(); a commit now could hold half of the batch
        try {
            return write(durable, step);
        } finally {
            checkpointLock.unlock();
        }
    }

    /** Appends a step's payload to the log for the index write with this sequence number. In a write step only. */
    public void log(byte[] payload, long seqNo) throws IOException {
        wal.appendPayload(payload, seqNo);
    }

    /** Marks the index write with this sequence number as done, for queries to publish. In a write step only. */
    public void written(long seqNo) {
        lastSeqNo = seqNo;
    }

    /**
     * Commits the index and drops the log files the commit makes redundant. The log is rolled under the write lock,
     * so every entry of the older files is in the commit that follows; the (slow) commit itself runs outside it.
     */
    void checkpoint() {
        if (!checkpointLock.tryLock()) {
            return; // one is running; it covers this write's entries or the next one will
        }
        try {
            long durable;
            writeLock.lock();
            try {
                durable = wal.roll();
            } finally {
                writeLock.unlock();
            }
            commits.covered(durable);
            writer.commit();
            wal.deleteOlderFiles();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " checkpoint failed", e);
        } finally {
            checkpointLock.unlock();
        }
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    /** Reopens the searcher so that it includes every completed write. */
    public void publish() {
        long upTo = lastSeqNo; // writes are serialised: every write up to this one has completed
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen " + name, e);
        }
        publishedSeqNo.accumulateAndGet(upTo, Math::max);
        onPublished.accept(upTo);
    }

    /** A read that runs a query: it needs a searcher with every write that returned before it started. */
    public <T> T query(ReadStep<T> step) {
        if (lastSeqNo > publishedSeqNo.get()) {
            publish();
        }
        return read(step);
    }

    /** A read on the searcher as it is, which may lack the latest writes. */
    public <T> T read(ReadStep<T> step) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return step.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " read failed", e);
        }
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /** Commits the index, then drops the log it no longer needs, and releases everything. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        checkpointLock.lock(); // same order as checkpoint(): no checkpoint runs against a closed writer
        writeLock.lock();
        try {
            searchers.close();
            writer.close(); // commits
            wal.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        } finally {
            IOUtils.closeWhileHandlingException(wal, writer, directory, analyzer);
            writeLock.unlock();
            checkpointLock.unlock();
        }
    }

    /** Log fsyncs done since opening: lets tests see which writes wait for one. */
    long syncCount() {
        return commits.commitCount();
    }

    /** Sequence number of the latest index write: lets tests see what skips the index. */
    long lastSeqNo() {
        return lastSeqNo;
    }
}
