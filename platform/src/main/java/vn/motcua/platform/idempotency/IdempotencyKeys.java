package vn.motcua.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
 * The {@code Idempotency-Key} store, in PostgreSQL so it holds across instances. The work is done first and the key
 * stored with its response at the end of the caller's transaction, in one statement (issue 18: a claim before the work
 * and an update after it were two); the key's unique index decides, so:
 * a repeated request finds the first response there, gives it back and rolls its own work back (nothing is created
 * twice); a concurrent repeat's insert waits on the first one's until it commits (or rolls back, and then its own
 * work stands); the same key with a different request body is refused with 422. A repeat whose work is refused
 * (4xx) gets the first response too. The work of a repeat is done and undone: repeats are rare, and the common
 * request saves a statement and a round trip.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ServiceConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public IdempotencyKeys(AgroalDataSource dataSource, ObjectMapper json, ServiceConfig config,
                           TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
        this.transactions = transactions;
    }

    /** The response of a request, fresh or replayed. */
    public record Outcome<T>(T body, int status, boolean replayed) {
    }

    /**
     * Runs {@code action} once per ({@code scope}, {@code key}). Without a key it simply runs. A replayed outcome
     * leaves the caller's transaction marked for rollback: the caller returns it and writes nothing else.
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
        T body;
        try {
            body = action.get();
        } catch (ProblemException refused) {
            // a repeat of a request that succeeded may be refused now (the state it changed has moved on); the
            // refusal has usually marked this transaction for rollback, so the first response is looked up in one
            // of its own (it is committed, or there is none)
            Outcome<T> first = QuarkusTransaction.requiringNew().call(() -> stored(scope, key, fingerprint, type));
            if (first == null) {
                throw refused;
            }
            transactions.setRollbackOnly();
            return first;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into idempotency_key (scope, idem_key, request_hash, response_status, response_body)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            insert.setInt(4, status);
            insert.setString(5, json.writeValueAsString(body));
            if (insert.executeUpdate() == 1) {
                return new Outcome<>(body, status, false);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency store failed for key " + key, e);
        }
        Outcome<T> first = stored(scope, key, fingerprint, type);
        if (first == null) {
            // stored by a request that began under the previous scheme and has not committed its response yet
            throw ProblemException.conflict("idempotency-key-in-use",
                    "Một yêu cầu khác với cùng Idempotency-Key đang được xử lý.");
        }
        transactions.setRollbackOnly();
        return first;
    }

    /** The response stored under the key (null when there is none); 422 when it was stored for another request. */
    private <T> Outcome<T> stored(String scope, String key, String fingerprint, Class<T> type) {
        try (Connection connection = dataSource.getConnection()) {
            return replay(connection, scope, key, fingerprint, type);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency store failed for key " + key, e);
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
                    return null;
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
