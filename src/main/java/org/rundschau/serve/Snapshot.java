package org.rundschau.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A file's bytes together with the size, modification time and identity they belong to. The
 * publishers replace files by renaming a new file over the old one; a read that overlaps such a
 * replacement is noticed (the attributes before and after differ) and repeated, so an ETag or
 * Last-Modified is never sent with the other version's bytes.
 *
 * @param fileKey the file system's identity of the file (inode), or null where the platform has none
 */
record Snapshot(byte[] bytes, long size, FileTime modified, Object fileKey) {
    private static final int ATTEMPTS = 5;

    /** Reads {@code file}; after {@value #ATTEMPTS} overlapping reads, the last one is taken as it is. */
    static Snapshot read(Path file) throws IOException {
        Snapshot last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            byte[] bytes = Files.readAllBytes(file);
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            last = new Snapshot(bytes, after.size(), after.lastModifiedTime(), after.fileKey());
            if (same(before, after) && bytes.length == after.size()) {
                return last;
            }
        }
        return last;
    }

    /** Whether two reads of a file's attributes describe the same version of it. */
    static boolean same(BasicFileAttributes a, BasicFileAttributes b) {
        return a.size() == b.size() && a.lastModifiedTime().equals(b.lastModifiedTime())
                && Objects.equals(a.fileKey(), b.fileKey());
    }
}
