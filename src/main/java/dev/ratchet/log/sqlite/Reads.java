package dev.ratchet.log.sqlite;

import dev.ratchet.log.EventQuery;
import dev.ratchet.log.LogException;
import dev.ratchet.log.RecordedEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Cursor-backed reads: rows are decoded one at a time, so a million-event log never sits in memory. */
final class Reads {

    private Reads() {}

    static Stream<RecordedEvent> stream(Connection c, EventQuery query, Path file) {
        StringBuilder sql = new StringBuilder("SELECT " + Schema.COLUMNS + " FROM events WHERE seq BETWEEN ? AND ?");
        if (query.stream() != null) {
            sql.append(" AND stream = ?");
        }
        List<String> types = new ArrayList<>(new TreeSet<>(query.types()));
        if (!types.isEmpty()) {
            sql.append(" AND type IN (").append("?,".repeat(types.size() - 1)).append("?)");
        }
        sql.append(" ORDER BY seq");
        try {
            PreparedStatement ps = c.prepareStatement(sql.toString());
            int i = 1;
            ps.setLong(i++, query.fromSeq());
            ps.setLong(i++, query.toSeq());
            if (query.stream() != null) {
                ps.setString(i++, query.stream());
            }
            for (String t : types) {
                ps.setString(i++, t);
            }
            ps.setFetchSize(1000);
            ResultSet rs = ps.executeQuery();
            Spliterator<RecordedEvent> rows =
                    new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                        @Override
                        public boolean tryAdvance(Consumer<? super RecordedEvent> action) {
                            try {
                                if (!rs.next()) {
                                    return false;
                                }
                                action.accept(row(rs));
                                return true;
                            } catch (SQLException e) {
                                throw new LogException("cannot read " + file + ": " + e.getMessage(), e);
                            }
                        }
                    };
            return StreamSupport.stream(rows, false).onClose(() -> {
                try {
                    rs.close();
                    ps.close();
                } catch (SQLException e) {
                    throw new LogException("cannot close cursor on " + file + ": " + e.getMessage(), e);
                }
            });
        } catch (SQLException e) {
            throw new LogException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static RecordedEvent row(ResultSet rs) throws SQLException {
        return new RecordedEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBytes(8),
                rs.getBytes(9),
                rs.getBytes(10));
    }

    static boolean hasEventsTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'")) {
            return rs.next();
        }
    }

    static List<String> integrityCheck(Connection c, Path file) {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        } catch (SQLException e) {
            problems.add("integrity check could not run: " + e.getMessage());
        }
        return problems;
    }
}
