package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWriterGivesUpAfterItsWaitAndNamesTheOwner() throws Exception {
        Path db = dir.resolve("data/r.db");
        try (WriterLock first = WriterLock.acquire(db, Duration.ZERO, Clock.systemUTC())) {
            assertThatThrownBy(() -> WriterLock.acquire(db, Duration.ofMillis(300), Clock.systemUTC()))
                    .isInstanceOf(WriterLock.HeldElsewhere.class)
                    .hasMessageContaining("another Rundschau process (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining(db.toString());
        }
    }

    @Test
    void isFreeAgainOnceReleased() throws Exception {
        Path db = dir.resolve("r.db");
        WriterLock.acquire(db, Duration.ZERO, Clock.systemUTC()).close();
        try (WriterLock again = WriterLock.acquire(db, Duration.ZERO, Clock.systemUTC())) {
            assertThat(Files.readString(WriterLock.lockFile(db)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aWaitingWriterGetsTheLockWhenTheFirstLetsGo() throws Exception {
        Path db = dir.resolve("r.db");
        WriterLock first = WriterLock.acquire(db, Duration.ZERO, Clock.systemUTC());
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(300);
                first.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        releaser.start();
        try (WriterLock second = WriterLock.acquire(db, Duration.ofSeconds(30), Clock.systemUTC())) {
            assertThat(second).isNotNull();
        }
        releaser.join();
    }
}
