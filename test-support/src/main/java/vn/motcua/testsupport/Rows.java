package vn.motcua.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a test reads back from its service's tables: one query, positional parameters, the first column. */
public final class Rows {
    private Rows() {
    }

    /** The first column of every row, as text. */
    public static List<String> strings(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    /** An insert, update or delete; @return the rows it changed. */
    public static int update(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test statement failed: " + sql, e);
        }
    }

    /** A single number, e.g. {@code select count(*) ...}. */
    public static long number(DataSource dataSource, String sql, Object... params) {
        List<String> values = strings(dataSource, sql, params);
        if (values.size() != 1) {
            throw new IllegalStateException("expected one row, got " + values.size() + ": " + sql);
        }
        return Long.parseLong(values.get(0));
    }
}
