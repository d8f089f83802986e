package dev.ratchet.log.sqlite;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.function.LongPredicate;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A log on a disk that fills up, for the tests: the commits that {@code full} picks (counted from
 * 1) fail as they did on a real full tmpfs. SQLite answers SQLITE_FULL and rolls the transaction
 * back itself, so the driver's rollback and its return to auto-commit then fail with "no
 * transaction is active"; on the real disk the last of these was all the user saw.
 */
public final class FullDisk {

    private FullDisk() {}

    public static SqliteEventLog open(Path db, SqliteOptions options, Clock clock, LongPredicate full) {
        return SqliteEventLog.open(db, options, clock, c -> filling(c, full));
    }

    private static Connection filling(Connection real, LongPredicate full) {
        long[] commits = {0};
        boolean[] rolledBackBySqlite = {false};
        return (Connection) Proxy.newProxyInstance(
                FullDisk.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit":
                            if (full.test(++commits[0])) {
                                real.rollback();
                                rolledBackBySqlite[0] = true;
                                throw new SQLiteException(
                                        "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)",
                                        SQLiteErrorCode.SQLITE_FULL);
                            }
                            break;
                        case "rollback":
                            if (rolledBackBySqlite[0]) {
                                throw noTransaction("rollback");
                            }
                            break;
                        case "setAutoCommit":
                            if (rolledBackBySqlite[0] && Boolean.TRUE.equals(args[0])) {
                                rolledBackBySqlite[0] = false;
                                real.setAutoCommit(true);
                                throw noTransaction("commit");
                            }
                            break;
                        default:
                            break;
                    }
                    return invoke(real, method, args);
                });
    }

    private static SQLiteException noTransaction(String what) {
        return new SQLiteException(
                "[SQLITE_ERROR] SQL error or missing database (cannot " + what + " - no transaction is active)",
                SQLiteErrorCode.SQLITE_ERROR);
    }

    private static Object invoke(Connection real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
