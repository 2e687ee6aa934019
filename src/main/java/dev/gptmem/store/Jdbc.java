package dev.gptmem.store;

import dev.gptmem.core.GptmemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Small JDBC helper: every failure is wrapped with what was being done and in which profile. */
final class Jdbc {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final String profile;

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
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sink.accept(mapper.map(rows));
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    int update(String what, String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
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

    GptmemException failure(String what, SQLException e) {
        return GptmemException.failure("cannot " + what + " in profile '" + profile + "': " + e.getMessage(), e);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, params);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
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
