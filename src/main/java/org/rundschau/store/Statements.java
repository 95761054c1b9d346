package org.rundschau.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one unit of work on one connection: each SQL text is prepared once,
 * on first use, and all are closed together.
 */
final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    /**
     * The statement for {@code sql} with {@code values} bound in order: {@link String}, {@link
     * Integer}, {@link Long}, {@link Double}, {@link Boolean} (as 0/1), {@link Instant} (as epoch
     * milliseconds), {@code byte[]} or null.
     */
    PreparedStatement bind(String sql, Object... values) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        ps.clearParameters();
        for (int i = 0; i < values.length; i++) {
            set(ps, i + 1, values[i]);
        }
        return ps;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    int update(String sql, Object... values) throws SQLException {
        return bind(sql, values).executeUpdate();
    }

    private static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Double d) {
            ps.setDouble(index, d);
        } else if (value instanceof Boolean b) {
            ps.setInt(index, b ? 1 : 0);
        } else if (value instanceof Instant t) {
            ps.setLong(index, t.toEpochMilli());
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName() + " to SQL");
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        prepared.clear();
        if (first != null) throw first;
    }
}
