package vn.motcua.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.platform.config.ServiceConfig;
import vn.motcua.platform.problem.ProblemException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} store, in PostgreSQL so it holds across instances. The key is claimed in
 * the caller's transaction before the work and the response stored in it after, so:
 * a repeated request gets the first response and creates nothing; a concurrent repeat waits on the
 * key's row until the first commits (or rolls back, and then does the work itself); the same key with
 * a different request body is refused with 422.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ServiceConfig config;

    public IdempotencyKeys(AgroalDataSource dataSource, ObjectMapper json, ServiceConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    /** The response of a request, fresh or replayed. */
    public record Outcome<T>(T body, int status, boolean replayed) {
    }

    /**
     * Runs {@code action} once per ({@code scope}, {@code key}). Without a key it simply runs.
     *
     * @param scope   who and what the key belongs to, e.g. {@code "POST /api/dossiers:" + user}
     * @param request the request body, fingerprinted to detect a key reused for another request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(String scope, String key, Object request, int status, Class<T> type,
                               Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(action.get(), status, false);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Idempotency-Key phải gồm 1–255 ký tự ASCII in được, không có khoảng trắng.");
        }
        String fingerprint = fingerprint(request);
        try (Connection connection = dataSource.getConnection()) {
            if (claim(connection, scope, key, fingerprint)) {
                T body = action.get();
                store(connection, scope, key, status, body);
                return new Outcome<>(body, status, false);
            }
            return replay(connection, scope, key, fingerprint, type);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency store failed for key " + key, e);
        }
    }

    private boolean claim(Connection connection, String scope, String key, String fingerprint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into idempotency_key (scope, idem_key, request_hash) values (?, ?, ?) on conflict do nothing")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            return insert.executeUpdate() == 1;
        }
    }

    private <T> void store(Connection connection, String scope, String key, int status, T body)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement update = connection.prepareStatement(
                "update idempotency_key set response_status = ?, response_body = ? where scope = ? and idem_key = ?")) {
            update.setInt(1, status);
            update.setString(2, json.writeValueAsString(body));
            update.setString(3, scope);
            update.setString(4, key);
            update.executeUpdate();
        }
    }

    private <T> Outcome<T> replay(Connection connection, String scope, String key, String fingerprint, Class<T> type)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement select = connection.prepareStatement(
                "select request_hash, response_status, response_body from idempotency_key where scope = ? and idem_key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getString(3) == null) {
                    throw ProblemException.conflict("idempotency-key-in-use",
                            "Một yêu cầu khác với cùng Idempotency-Key đang được xử lý.");
                }
                if (!fingerprint.equals(rs.getString(1))) {
                    throw ProblemException.unprocessable("idempotency-key-reused",
                            "Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.");
                }
                return new Outcome<>(json.readValue(rs.getString(3), type), rs.getInt(2), true);
            }
        }
    }

    private String fingerprint(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(json.valueToTree(request));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }

    /** Forgets keys older than the retention; harmless when several instances run it. */
    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void expire() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from idempotency_key where created_at < ?")) {
            delete.setObject(1, OffsetDateTime.now().minus(config.idempotency().retention()));
            delete.executeUpdate();
        }
    }
}
