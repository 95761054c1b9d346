package org.rundschau.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNoSuchFileAndAMissingParentIsNamed() {
        Path file = Path.of("/nonexistent.opml");
        assertThat(FileErrors.reason(new NoSuchFileException("/nonexistent.opml"), file)).isEqualTo("no such file");
        assertThat(FileErrors.reason(new NoSuchFileException("/proc/nope"), Path.of("/proc/nope/public")))
                .isEqualTo("/proc/nope: no such file or folder");
    }

    @Test
    void theOperatingSystemsReasonIsSaidInLowerCaseWithFoldersCalledFolders() {
        Path file = Path.of("/srv/x");
        assertThat(FileErrors.reason(new AccessDeniedException("/srv/x"), file)).isEqualTo("permission denied");
        assertThat(FileErrors.reason(new FileSystemException("/srv/x", null, "Read-only file system"), file))
                .isEqualTo("read-only file system");
        assertThat(FileErrors.reason(new IOException("Is a directory"), file)).isEqualTo("is a folder, not a file");
        assertThat(FileErrors.reason(new NotDirectoryException("/srv"), file)).isEqualTo("/srv: not a folder");
        assertThat(FileErrors.reason(new MalformedInputException(1), file)).isEqualTo("not UTF-8 text; save the file as UTF-8");
        assertThat(FileErrors.reason(new IOException(), file)).isEqualTo("IOException");
    }

    @Test
    void aFolderUnderAPlainFileSaysThatAFolderOnThePathIsAFile() throws IOException {
        Files.writeString(dir.resolve("plain"), "x");
        Path wanted = dir.resolve("plain/public");
        try {
            Files.createDirectories(wanted);
        } catch (IOException e) {
            assertThat(FileErrors.reason(e, wanted)).isEqualTo("a folder on its path is a file");
            return;
        }
        throw new AssertionError("created a folder under a file");
    }

    @Test
    void aRelativeSubjectIsTheSameFileAsItsAbsolutePath() {
        Path relative = Path.of("config/rundschau.yaml");
        assertThat(FileErrors.reason(new NoSuchFileException(relative.toAbsolutePath().toString()), relative))
                .isEqualTo("no such file");
    }
}
