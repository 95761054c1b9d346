package org.rundschau.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.rundschau.model.Sha256;
import picocli.CommandLine.IVersionProvider;

/** Rundschau's version, from the jar manifest ("dev" when run from classes). */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * This build: the version, the Java runtime and a fingerprint of the jar Rundschau runs from, so
     * that two builds of one snapshot version differ even when a deployment gives every jar the
     * same modification time and they happen to have the same size, and a new JDK (whose Unicode
     * data shapes region slugs) counts as another build. Empty when run from a classes folder:
     * such code changes without a version, so nothing it rendered is trusted by a later process.
     */
    public static Optional<String> build() {
        try {
            CodeSource source = Version.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : build(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The build running from {@code codeSource}: empty unless it is a jar that can be read. The jar
     * is fingerprinted by its table of contents: every entry's name, size and CRC-32 of its bytes,
     * which the zip format keeps in one place. Reading that costs a few milliseconds where hashing
     * the 18 MB jar cost 120-170 ms of a cron run.
     */
    static Optional<String> build(Path codeSource) {
        if (!Files.isRegularFile(codeSource)) return Optional.empty();
        try (ZipFile jar = new ZipFile(codeSource.toFile())) {
            MessageDigest sha = Sha256.digest();
            ByteBuffer numbers = ByteBuffer.allocate(2 * Long.BYTES);
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
                numbers.clear();
                numbers.putLong(entry.getSize()).putLong(entry.getCrc());
                sha.update(numbers.array());
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
                sha.update(name);
            }
            return Optional.of(current() + " java " + Runtime.version() + " jar "
                    + HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Rundschau " + current()};
    }
}
