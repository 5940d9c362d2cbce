package io.hippocamel.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Writers that queue behind a running commit share the next one. */
class GroupCommitTest {

    private final AtomicLong lastWritten = new AtomicLong();
    private final AtomicInteger commits = new AtomicInteger();
    private final CountDownLatch firstCommitMayFinish = new CountDownLatch(1);

    /** Like IndexWriter.commit: covers what was written when it started; the first one waits to be let go. */
    private final GroupCommit groupCommit = new GroupCommit(() -> {
        long covered = lastWritten.get();
        if (commits.incrementAndGet() == 1) {
            try {
                firstCommitMayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return covered;
    });

    @Test
    @DisplayName("writers queued behind a running commit are made durable by one commit, not one each")
    void queuedWritersShareOneCommit() throws InterruptedException {
        lastWritten.set(1);
        Thread first = new Thread(() -> groupCommit.awaitDurable(1));
        first.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> commits.get() == 1);

        lastWritten.set(3); // two more writes while the first commit runs: it does not cover them
        Thread second = new Thread(() -> groupCommit.awaitDurable(2));
        Thread third = new Thread(() -> groupCommit.awaitDurable(3));
        second.start();
        third.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> groupCommit.waitingWriters() == 2);
        firstCommitMayFinish.countDown();
        first.join(5_000);
        second.join(5_000);
        third.join(5_000);

        assertThat(List.of(first, second, third)).noneMatch(Thread::isAlive);
        assertThat(commits).hasValue(2);
        assertThat(groupCommit.commitCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a writer whose write an earlier commit already covered does not commit")
    void alreadyCoveredWriteDoesNotCommit() {
        firstCommitMayFinish.countDown();
        lastWritten.set(5);
        groupCommit.awaitDurable(5);

        groupCommit.awaitDurable(4);
        groupCommit.awaitDurable(5);

        assertThat(commits).hasValue(1);
    }

    @Test
    @DisplayName("a write after the last commit gets a commit of its own")
    void laterWriteCommitsAgain() {
        firstCommitMayFinish.countDown();
        lastWritten.set(1);
        groupCommit.awaitDurable(1);

        lastWritten.set(2);
        groupCommit.awaitDurable(2);

        assertThat(commits).hasValue(2);
    }
}
