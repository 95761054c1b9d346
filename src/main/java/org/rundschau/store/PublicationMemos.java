package org.rundschau.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The memo a publisher keeps of what it last rendered into an output folder, one per folder,
 * stored with the items it was rendered from: a store restored from a backup brings the memo of
 * its own time. Opaque bytes here; {@code refresh.Republisher} writes and reads them. A memo is
 * given back only to the build that stored it: another build may render the same entries
 * differently.
 */
public final class PublicationMemos {
    private static final String SELECT = "SELECT memo FROM publication_memo WHERE output = ? AND build = ?";
    private static final String UPSERT = "INSERT INTO publication_memo (output, build, memo) VALUES (?, ?, ?) "
            + "ON CONFLICT (output) DO UPDATE SET build = excluded.build, memo = excluded.memo";

    private final Database db;
    private final String build;

    /** @param build this build of Rundschau (see {@code cli.Version#build}) */
    public PublicationMemos(Database db, String build) {
        this.db = Objects.requireNonNull(db, "db");
        this.build = Objects.requireNonNull(build, "build");
    }

    /** The memo this build stored for {@code output}; empty when there is none, or another build's. */
    public Optional<byte[]> load(String output) throws StoreException {
        Objects.requireNonNull(output, "output");
        return db.read("load the publication memo of " + output, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setString(1, output);
                ps.setString(2, build);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** Replaces the memo of {@code output}, whichever build stored it. */
    public void save(String output, byte[] memo) throws StoreException {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(memo, "memo");
        db.write("save the publication memo of " + output, c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, output);
                ps.setString(2, build);
                ps.setBytes(3, memo);
                return ps.executeUpdate();
            }
        });
    }
}
