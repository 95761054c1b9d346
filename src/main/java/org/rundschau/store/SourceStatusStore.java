package org.rundschau.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;

/** Health and cache validators per source, one row per source id. Times are kept to the millisecond. */
public final class SourceStatusStore {

    private static final String COLUMNS = "source_id, last_attempt, last_success, consecutive_failures, "
            + "last_error, last_http_status, items_last_success, etag, last_modified, body_hash, rules_hash, next_attempt";
    private static final String UPSERT = "INSERT INTO source_status (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id) DO UPDATE SET "
            + "last_attempt = excluded.last_attempt, last_success = excluded.last_success, "
            + "consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error, "
            + "last_http_status = excluded.last_http_status, items_last_success = excluded.items_last_success, "
            + "etag = excluded.etag, last_modified = excluded.last_modified, body_hash = excluded.body_hash, "
            + "rules_hash = excluded.rules_hash, next_attempt = excluded.next_attempt";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM source_status WHERE source_id = ?";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM source_status ORDER BY source_id";

    private final Database db;

    public SourceStatusStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** @return the stored status, or {@link SourceStatus#never} for a source not seen yet */
    public SourceStatus load(String sourceId) throws StoreException {
        Objects.requireNonNull(sourceId, "sourceId");
        return db.read("load the status of source " + sourceId, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
                ps.setString(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? toStatus(rs) : SourceStatus.never(sourceId);
                }
            }
        });
    }

    /**
     * Stores the status, replacing the one stored for its source.
     *
     * @return {@code status}, so that callers can write {@code return statuses.save(before.failed(...))}
     */
    public SourceStatus save(SourceStatus status) throws StoreException {
        Objects.requireNonNull(status, "status");
        return db.write("save the status of source " + status.sourceId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, status.sourceId());
                setInstant(ps, 2, status.lastAttempt());
                setInstant(ps, 3, status.lastSuccess());
                ps.setInt(4, status.consecutiveFailures());
                ps.setString(5, status.lastError());
                ps.setInt(6, status.lastHttpStatus());
                ps.setInt(7, status.itemsLastSuccess());
                ps.setString(8, status.validators().etag());
                ps.setString(9, status.validators().lastModified());
                ps.setString(10, status.bodyHash());
                ps.setString(11, status.rulesHash());
                setInstant(ps, 12, status.nextAttempt());
                ps.executeUpdate();
                return status;
            }
        });
    }

    /** Every stored status, ordered by source id; sources never saved are absent. */
    public List<SourceStatus> all() throws StoreException {
        return db.read("load all source statuses", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_ALL); ResultSet rs = ps.executeQuery()) {
                List<SourceStatus> statuses = new ArrayList<>();
                while (rs.next()) statuses.add(toStatus(rs));
                return statuses;
            }
        });
    }

    private static SourceStatus toStatus(ResultSet rs) throws SQLException {
        return new SourceStatus(rs.getString("source_id"), getInstant(rs, "last_attempt"),
                getInstant(rs, "last_success"), rs.getInt("consecutive_failures"), rs.getString("last_error"),
                rs.getInt("last_http_status"), rs.getInt("items_last_success"),
                new Validators(rs.getString("etag"), rs.getString("last_modified")), rs.getString("body_hash"),
                rs.getString("rules_hash"), getInstant(rs, "next_attempt"));
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) ps.setNull(index, Types.INTEGER);
        else ps.setLong(index, instant.toEpochMilli());
    }

    /** @return the instant, or null for SQL NULL: {@link SourceStatus} uses null for "never" */
    private static Instant getInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
