package io.hippocamel.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable with as few commits (fsyncs of the write-ahead log) as possible. Every index write has a
 * sequence number, and a commit reports the highest one it includes. A writer waits for a commit that covers its own
 * number: when one that started after its write already finished, it returns at once; otherwise it commits, and that
 * commit also covers every writer that queued up behind the previous one.
 */
public final class GroupCommit {

    /** Commits everything written so far and returns the sequence number of the last operation included. */
    @FunctionalInterface
    public interface Committer {
        long commit() throws IOException;
    }

    private final Committer committer;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong durableSeqNo = new AtomicLong(-1);

    public GroupCommit(Committer committer) {
        this.committer = committer;
    }

    /** Returns once the write with this sequence number is committed. */
    public void awaitDurable(long seqNo) {
        if (durableSeqNo.get() >= seqNo) {
            return;
        }
        commitLock.lock();
        try {
            if (durableSeqNo.get() >= seqNo) {
                return; // the commit we waited behind included our write
            }
            long committed = committer.commit();
            commits.incrementAndGet();
            covered(committed);
        } catch (IOException e) {
            throw new UncheckedIOException("commit failed", e);
        } finally {
            commitLock.unlock();
        }
    }

    /** Records that everything up to this sequence number became durable some other way. */
    public void covered(long seqNo) {
        durableSeqNo.accumulateAndGet(seqNo, Math::max);
    }

    /** Commits done so far: lets tests see that writers share commits. */
    long commitCount() {
        return commits.get();
    }

    /** Threads queued behind a running commit: lets tests line writers up deterministically. */
    int waitingWriters() {
        return commitLock.getQueueLength();
    }
}
