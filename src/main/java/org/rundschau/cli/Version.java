package org.rundschau.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** Rundschau's version, from the jar manifest ("dev" when run from classes). */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * This build: the version with the size and modification time of the jar it runs from, so that
     * two builds of one snapshot version differ (a copy of the jar that keeps neither counts as
     * another build, which costs only one full rendering). Empty when run from a classes folder:
     * such code changes without a version, so nothing it rendered is trusted by a later process.
     */
    public static Optional<String> build() {
        try {
            CodeSource source = Version.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) return Optional.empty();
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(current() + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Rundschau " + current()};
    }
}
