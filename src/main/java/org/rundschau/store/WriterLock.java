package org.rundschau.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.model.FileErrors;

/**
 * Makes one Rundschau process at a time the writer of a database: {@code once} from cron and a
 * running {@code run} never write together. An operating-system lock on {@code <database>.lock},
 * released by the OS when the process ends, even by {@code kill -9}, so a crash never leaves a
 * stale lock behind. The file holds the owner's pid, for the message the waiting process prints.
 *
 * <p>A PostgreSQL database takes many writers, the nodes of a cluster: there every write
 * transaction takes the database's own lock (see {@link Database}), and this lock is a no-op.
 */
public final class WriterLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process held the lock for longer than the caller was willing to wait. */
    public static final class HeldElsewhere extends Exception {
        HeldElsewhere(String message) {
            super(message);
        }
    }

    /**
     * Waits up to {@code wait} for the lock on a SQLite {@code database}; for PostgreSQL returns at
     * once with a lock that holds nothing.
     *
     * @throws HeldElsewhere  when another process still holds it after {@code wait}
     * @throws StoreException when the lock file cannot be created or locked at all
     */
    public static WriterLock acquire(DatabaseConfig database, Duration wait, Clock clock)
            throws HeldElsewhere, StoreException, InterruptedException {
        if (database instanceof DatabaseConfig.Sqlite sqlite) return acquire(sqlite.file(), wait, clock);
        return new WriterLock(null, null);
    }

    /**
     * Waits up to {@code wait} for the lock on {@code database}.
     *
     * @throws HeldElsewhere  when another process still holds it after {@code wait}
     * @throws StoreException when the lock file cannot be created or locked at all
     */
    public static WriterLock acquire(Path database, Duration wait, Clock clock)
            throws HeldElsewhere, StoreException, InterruptedException {
        Path file = lockFile(database);
        FileChannel channel = open(file);
        Instant deadline = clock.instant().plus(wait);
        try {
            while (true) {
                FileLock lock = tryLock(channel, file);
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(java.nio.ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                    return new WriterLock(channel, lock);
                }
                if (!clock.instant().isBefore(deadline)) {
                    channel.close();
                    throw new HeldElsewhere("another Rundschau process" + owner(file) + " is writing to " + database
                            + "; gave up after waiting " + wait.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw StoreException.explained("could not lock " + file + ": " + FileErrors.reason(e, file), e);
        } catch (InterruptedException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    private static FileChannel open(Path file) throws StoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw StoreException.explained("could not create the lock file " + file + ": " + FileErrors.reason(e, file)
                    + "; check that the database's folder can be created and written (config key `database`)", e);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path file) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;   // held by this same process (another App on the same file): wait like any other
        }
    }

    private static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the original error is the one to report
        }
    }

    @Override
    public void close() throws StoreException {
        if (lock == null) return;
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("could not release the database lock", e);
        }
    }
}
