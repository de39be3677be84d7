package vn.motcua.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.platform.problem.DatabaseErrors;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How every Kafka consumer applies an event: parse the CloudEvents envelope, then, in one transaction,
 * record the event id and run the effect, so that a redelivered event changes nothing.
 * <ul>
 *   <li>A record that is not an event is parked in {@code dead_letter_event} and skipped.</li>
 *   <li>While the database is unreachable the effect is retried with back-off, holding the partition,
 *       so that nothing is skipped and order is kept.</li>
 *   <li>An effect that keeps failing for another reason is parked after a few tries, with its error,
 *       for an operator to replay; the partition moves on.</li>
 * </ul>
 */
@ApplicationScoped
public class InboundEvents {
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    private static final int ATTEMPTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ProcessedEvents processed;
    private final AgroalDataSource dataSource;

    public InboundEvents(ProcessedEvents processed, AgroalDataSource dataSource) {
        this.processed = processed;
        this.dataSource = dataSource;
    }

    /** What became of one delivery. */
    public enum Outcome { APPLIED, DUPLICATE, PARKED }

    /**
     * Applies {@code effect} to the event in {@code json} exactly once for {@code consumer}.
     * Call it from a blocking {@code @Incoming} method; it opens its own transaction.
     */
    public Outcome apply(String consumer, String topic, String key, String json,
                         Consumer<CloudEvent<JsonNode>> effect) throws InterruptedException {
        CloudEvent<JsonNode> event;
        try {
            event = EventJson.read(json);
        } catch (EventJson.MalformedEventException e) {
            LOG.errorf("%s: unreadable record on %s (key %s) parked: %s", consumer, topic, key, e.getMessage());
            park(consumer, null, topic, key, json, e);
            return Outcome.PARKED;
        }
        Duration backoff = Duration.ofMillis(100);
        int failures = 0;
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.firstDelivery(consumer, event.id())) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
                return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
            } catch (RuntimeException e) {
                if (DatabaseErrors.unreachable(e)) {
                    LOG.warnf("%s: database unreachable while applying %s %s, retrying in %s",
                            consumer, event.type(), event.id(), backoff);
                } else if (++failures >= ATTEMPTS) {
                    LOG.errorf(e, "%s: %s %s failed %d times, parked for replay", consumer, event.type(), event.id(), failures);
                    park(consumer, event, topic, key, json, e);
                    return Outcome.PARKED;
                } else {
                    LOG.warnf("%s: %s %s failed (%s), retrying", consumer, event.type(), event.id(), e.toString());
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void park(String consumer, CloudEvent<JsonNode> event, String topic, String key, String json,
                      Exception error) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "insert into dead_letter_event (consumer, event_id, topic, message_key, payload, error)"
                                 + " values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, consumer);
                insert.setObject(2, event == null ? null : event.id());
                insert.setString(3, topic);
                insert.setString(4, key);
                insert.setString(5, json);
                insert.setString(6, String.valueOf(error));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not park event for " + consumer, e);
            }
        });
    }
}
