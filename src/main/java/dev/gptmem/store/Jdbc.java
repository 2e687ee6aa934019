package dev.gptmem.store;

import dev.gptmem.core.GptmemException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Small JDBC helper: every failure is wrapped with what was being done and in which profile. */
final class Jdbc {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final String profile;
    /** Statements by their SQL: an import runs the same few a million times. */
    private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

    Jdbc(Connection connection, String profile) {
        this.connection = connection;
        this.profile = profile;
    }

    Connection connection() {
        return connection;
    }

    <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = new ArrayList<>();
        stream(what, sql, mapper, rows::add, params);
        return rows;
    }

    <T> Optional<T> queryOne(String what, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(what, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    <T> void stream(String what, String sql, RowMapper<T> mapper, Consumer<T> sink, Object... params) {
        try (ResultSet rows = prepare(sql, params).executeQuery()) {
            while (rows.next()) {
                sink.accept(mapper.map(rows));
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    int update(String what, String sql, Object... params) {
        try {
            return prepare(sql, params).executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    void execute(String what, String sql) {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    GptmemException damaged(String what) {
        return GptmemException.failure("profile '" + profile + "' is damaged: " + what
                + " (run 'gptmem profile reindex' to rebuild the search index)");
    }

    GptmemException failure(String what, SQLException e) {
        IOException disk = diskFailure(e);
        return GptmemException.failure("cannot " + what + " in profile '" + profile + "': "
                + (disk != null ? GptmemException.reason(disk) : e.getMessage()), e);
    }

    /**
     * The file error under an H2 failure, if that is what it was: H2 wraps a failed read or write
     * (a full disk, an I/O error) three or four times, in messages that name its classes, and the
     * system's words at the bottom are what a user can act on.
     */
    private static IOException diskFailure(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof IOException) {
                return (IOException) t;
            }
        }
        return null;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, Instant.class);
    }

    /** The statement for {@code sql}, prepared once per connection, with {@code params} bound. */
    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        bind(statement, params);
        return statement;
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Instant) {
                value = OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
            }
            statement.setObject(i + 1, value);
        }
    }
}
