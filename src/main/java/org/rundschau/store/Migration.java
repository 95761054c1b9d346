package org.rundschau.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numbered schema script from the classpath folder {@code /db}.
 *
 * @param version the number in the script's name; the schema version once it has run
 * @param name    the script's file name, for messages
 * @param sql     the script: one or more statements, no transaction control
 */
record Migration(int version, String name, String sql) {

    private static final String FOLDER = "/db/";
    private static final Pattern NAME = Pattern.compile("(\\d{3})-[a-z0-9-]+\\.sql");

    Migration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        if (version < 1) throw new IllegalArgumentException("migration version must be >= 1: " + version);
    }

    /** The SQLite scripts. */
    static List<Migration> fromClasspath() {
        return fromClasspath(Database.Dialect.SQLITE);
    }

    /**
     * Reads the scripts of one dialect named in {@code /db/<dialect>/migrations.txt}, in order.
     * Both dialects have the same numbered scripts, each written in its own SQL. The index exists because a
     * classpath folder cannot be listed inside a jar. A missing or inconsistent index is a packaging
     * bug, so it fails with an unchecked exception.
     */
    static List<Migration> fromClasspath(Database.Dialect dialect) {
        String folder = FOLDER + dialect.folder() + "/";
        List<Migration> migrations = new ArrayList<>();
        for (String name : indexLines(folder)) {
            Matcher m = NAME.matcher(name);
            if (!m.matches()) throw new IllegalStateException(folder + "migrations.txt: bad script name: " + name);
            int version = Integer.parseInt(m.group(1));
            if (version != migrations.size() + 1) {
                throw new IllegalStateException(folder + "migrations.txt: expected script number "
                        + (migrations.size() + 1) + " but found " + name);
            }
            migrations.add(new Migration(version, name, resource(folder, name)));
        }
        return List.copyOf(migrations);
    }

    private static List<String> indexLines(String folder) {
        return resource(folder, "migrations.txt").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String resource(String folder, String name) {
        try (InputStream in = Migration.class.getResourceAsStream(folder + name)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + folder + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read classpath resource " + folder + name, e);
        }
    }
}
