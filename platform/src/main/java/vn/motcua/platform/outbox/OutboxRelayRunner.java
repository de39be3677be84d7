package vn.motcua.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.platform.config.ServiceConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link OutboxRelay} on one background thread per instance: woken by every commit that
 * wrote to the outbox, otherwise polling; backing off exponentially while Kafka or PostgreSQL is down.
 */
@ApplicationScoped
public class OutboxRelayRunner {
    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);

    private final AgroalDataSource dataSource;
    private final ServiceConfig config;
    private final String bootstrapServers;
    private final MeterRegistry metrics;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile OutboxRelay relay;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean lastPassFailed;
    private Producer<String, String> producer;
    private Counter published;
    private Timer lag;

    public OutboxRelayRunner(AgroalDataSource dataSource, ServiceConfig config,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        ServiceConfig.Outbox outbox = config.outbox();
        producer = new KafkaProducer<>(producerConfig(bootstrapServers, config.service(), outbox.deliveryTimeout(),
                outbox.compression()));
        relay = new OutboxRelay(dataSource, producer, ("outbox:" + config.service()).hashCode(),
                outbox.lanes(), outbox.batchSize(), outbox.deliveryTimeout());
        published = Counter.builder("motcua.outbox.published").description("events published from the outbox")
                .register(metrics);
        lag = Timer.builder("motcua.outbox.lag").description("time an event waited in the outbox")
                .publishPercentiles(0.5, 0.99).register(metrics);
        if (!outbox.relayEnabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to run a pass now (called after each commit that wrote to the outbox). */
    public void wake() {
        wakeUps.release();
    }

    /** The relay itself, for tests that drive passes by hand (with the runner disabled). */
    public OutboxRelay relay() {
        return relay;
    }

    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    public boolean lastPassFailed() {
        return lastPassFailed;
    }

    private void loop() {
        Duration poll = config.outbox().pollInterval();
        Duration backoff = poll;
        while (running) {
            try {
                OutboxRelay.Published pass = relay.drainOnce();
                published.increment(pass.ids().size());
                pass.waits().forEach(lag::record);
                lastPassFailed = pass.failed();
                if (pass.failed()) {
                    backoff = sleepBackoff(backoff);
                } else {
                    backoff = poll;
                    if (pass.ids().isEmpty()) {
                        wakeUps.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                        wakeUps.drainPermits();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lastPassFailed = true;
                LOG.warnf("outbox relay pass failed, retrying in %s: %s", backoff, e.toString());
                try {
                    backoff = sleepBackoff(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Duration sleepBackoff(Duration current) throws InterruptedException {
        Thread.sleep(current.toMillis());
        Duration next = current.multipliedBy(2);
        return next.compareTo(config.outbox().maxBackoff()) > 0 ? config.outbox().maxBackoff() : next;
    }

    /**
     * acks=all with the idempotent producer: no loss on a broker failover, no duplicate from a producer retry.
     * {@code compression} is the Kafka codec of the batches ({@link ServiceConfig.Outbox#compression()}).
     */
    public static Map<String, Object> producerConfig(String bootstrapServers, String service, Duration deliveryTimeout,
                                                     String compression) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        int timeout = (int) deliveryTimeout.toMillis();
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 10_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, Math.min(timeout, 10_000) + 2));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }
}
