package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQL statements the stack ran during a phase, from PostgreSQL's {@code pg_stat_statements} (issue 18, item 7): the
 * local stack preloads it (deploy/local/lib.sh). The benchmark's own queries are marked {@code /* bench *}{@code /} and
 * left out. Where the extension is missing (a server the stack did not start) the figures say so instead.
 */
final class SqlStatements {
    private final boolean available;

    private SqlStatements(boolean available) {
        this.available = available;
    }

    /** Starts counting from zero. */
    static SqlStatements start() {
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            return new SqlStatements(true);
        } catch (SQLException e) {
            System.out.println("  (pg_stat_statements not available: " + e.getMessage().lines().findFirst().orElse("") + ")");
            return new SqlStatements(false);
        }
    }

    /** Statements and transactions per unit of work, and the most frequent statements. */
    String report(long units, int top) {
        if (!available) {
            return "statements per dossier: not measured (pg_stat_statements missing)";
        }
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement()) {
            String mine = " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())"
                    + " and query not like '%/* bench */%' and query not like '%pg_stat_statements%'";
            try (ResultSet rs = s.executeQuery("select coalesce(sum(calls), 0),"
                    + " coalesce(sum(calls) filter (where query ilike 'begin%'), 0), coalesce(sum(total_exec_time), 0)" + mine)) {
                rs.next();
                out.append("statements per dossier %.1f (transactions %.1f), PostgreSQL execution %.2f ms per dossier".formatted(
                        rs.getLong(1) / (double) Math.max(1, units), rs.getLong(2) / (double) Math.max(1, units),
                        rs.getDouble(3) / Math.max(1, units)));
            }
            try (ResultSet rs = s.executeQuery("select calls, regexp_replace(left(query, 110), '\\s+', ' ', 'g')" + mine
                    + " order by calls desc limit " + top)) {
                while (rs.next()) {
                    out.append("%n    %6.2f  %s".formatted(rs.getLong(1) / (double) Math.max(1, units), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            out.append("statements: could not read pg_stat_statements: ").append(e.getMessage());
        }
        return out.toString();
    }
}
