package org.rundschau.model;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file operation failed, in words for an admin. Java's file exceptions carry only a path
 * as their message ({@code NoSuchFileException: /x}) or the operating system's text
 * ({@code Is a directory}); shown as they are, they read as if something else had gone wrong.
 * Every stage that reads or writes files says its failures through here.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * The reason {@code e} gives for {@code subject}, the path the caller names in its own message:
     * {@code no such file}, {@code permission denied}, {@code is a folder, not a file}. When the
     * failing path is another one (a parent folder that could not be created, a temporary file),
     * the reason names it: {@code /proc/nope: no such file or folder}.
     */
    public static String reason(IOException e, Path subject) {
        String other = otherPath(e, subject);
        String prefix = other.isEmpty() ? "" : other + ": ";
        if (e instanceof NoSuchFileException) return other.isEmpty() ? "no such file" : prefix + "no such file or folder";
        if (e instanceof AccessDeniedException) return prefix + "permission denied";
        if (e instanceof NotDirectoryException) return prefix + "not a folder";
        if (e instanceof FileAlreadyExistsException) return prefix + "already exists";
        if (e instanceof DirectoryNotEmptyException) return prefix + "a folder that is not empty";
        if (e instanceof CharacterCodingException) return "not UTF-8 text; save the file as UTF-8";
        if (e instanceof FileSystemException fs) {
            return prefix + (fs.getReason() == null ? "the file system refused" : osText(fs.getReason()));
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : osText(e.getMessage());
    }

    /** The path the exception is about, when it is not {@code subject}; else "". */
    private static String otherPath(IOException e, Path subject) {
        if (!(e instanceof FileSystemException fs) || fs.getFile() == null) return "";
        try {
            Path failed = Path.of(fs.getFile());
            boolean same = failed.equals(subject) || failed.toAbsolutePath().normalize()
                    .equals(subject.toAbsolutePath().normalize());
            return same ? "" : fs.getFile();
        } catch (RuntimeException notAPath) {
            return fs.getFile();
        }
    }

    /** The operating system's text (strerror), lower case, folders called folders. */
    private static String osText(String text) {
        return switch (text) {
            case "Is a directory" -> "is a folder, not a file";
            case "Not a directory" -> "a folder on its path is a file";   // ENOTDIR: of a parent, not the file
            default -> text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        };
    }
}
