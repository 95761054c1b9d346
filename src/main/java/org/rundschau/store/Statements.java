package org.rundschau.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prepared statements on one connection: each SQL text is prepared once, on first use. Either for
 * one unit of work ({@link #Statements(Connection)}: {@link #close} closes them all), or kept for
 * the life of the connection ({@link #kept}: {@link #close} leaves them prepared for the next unit
 * of work, {@link #release} closes them), which is what {@link Database#statements} gives for
 * SQLite's one connection. Result sets opened with {@link #query} that a caller left open are
 * closed when the unit of work ends, so that no kept statement holds a read open.
 */
final class Statements implements AutoCloseable {
    private final Connection connection;
    private final boolean kept;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final Set<ResultSet> results = Collections.newSetFromMap(new IdentityHashMap<>());   // a driver may reuse one per statement

    Statements(Connection connection) {
        this(connection, false);
    }

    private Statements(Connection connection, boolean kept) {
        this.connection = connection;
        this.kept = kept;
    }

    /** Statements kept across units of work on {@code connection}, closed by {@link #release}. */
    static Statements kept(Connection connection) {
        return new Statements(connection, true);
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

    /**
     * Runs a query with {@code values} bound (see {@link #bind}). The caller closes the result set;
     * {@link #close} closes any it left open, so that no statement kept for the next unit of work
     * holds a read open (which would keep SQLite from checkpointing the WAL).
     */
    ResultSet query(String sql, Object... values) throws SQLException {
        ResultSet rs = bind(sql, values).executeQuery();
        results.add(rs);
        return rs;
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
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName() + " to SQL");
        }
    }

    /** Ends a unit of work: closes the result sets still open, and every statement unless they are {@link #kept}. */
    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (ResultSet rs : results) {
            try {
                rs.close();   // a no-op for one closed already
            } catch (SQLException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        results.clear();
        if (!kept) {
            try {
                release();
            } catch (SQLException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }

    /** Closes every statement, kept or not. */
    void release() throws SQLException {
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
