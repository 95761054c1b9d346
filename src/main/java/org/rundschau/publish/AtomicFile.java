package org.rundschau.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file that is replaced as a whole or not at all, so a web server or feed reader never sees half a
 * document.
 */
final class AtomicFile {
    private final Path file;

    AtomicFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    /**
     * Makes the file hold exactly {@code content}. When it already does, nothing is written and the
     * modification time stays, so HTTP caches and conditional GETs keep working. Otherwise the content
     * goes to a temporary file in the same folder, is forced to disk and renamed over the file
     * ({@code ATOMIC_MOVE}). Missing parent folders are created.
     *
     * <p>The temporary file is created with the process's umask (not {@link Files#createTempFile},
     * whose 0600 permissions would hide the feed from a web server running as another user).
     *
     * @return whether the file was written
     */
    boolean replaceIfChanged(byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return false;
        }
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + file.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            writeAndSync(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return true;
    }

    /**
     * Makes the file hold {@code content} unless it exists already, whatever it holds: for documents
     * that must never change once written, such as full archive pages. Written like {@link
     * #replaceIfChanged}.
     *
     * @return whether the file was written
     */
    boolean createIfAbsent(byte[] content) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        return replaceIfChanged(content);
    }

    private static void writeAndSync(Path path, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
