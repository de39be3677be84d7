package vn.motcua.result.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the read model (status, timeline, pauses, agency names, Form 06 log book) from the three dossier
 * topics from their first offset: empties the tables, then applies every event up to the end offsets seen
 * at the start, topic after topic. That order is as good as any other since every effect of
 * {@link StatusProjection} is order-independent and repeatable, which is also why the live consumers may
 * keep running meanwhile. The write side (result_return, dossier_rating) is this service's own record and is
 * not touched.
 */
@ApplicationScoped
public class ProjectionReplay {
    private static final Logger LOG = Logger.getLogger(ProjectionReplay.class);
    private static final List<String> TOPICS = List.of(Topics.INTAKE, Topics.ROUTING, Topics.RESULT);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final StatusProjection projection;
    private final AgencyNames agencyNames;
    private final String bootstrap;
    private final AtomicBoolean running = new AtomicBoolean();

    public ProjectionReplay(EntityManager em, StatusProjection projection, AgencyNames agencyNames,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.em = em;
        this.projection = projection;
        this.agencyNames = agencyNames;
        this.bootstrap = bootstrap;
    }

    /** What a replay did. {@code skipped}: records that are not events or could not be applied (logged). */
    public record Outcome(long records, long skipped, long dossiers, long millis) {
    }

    public Outcome replay() {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("replay-running", "Đang dựng lại dữ liệu tra cứu; hãy chờ lần chạy hiện tại kết thúc.");
        }
        long started = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "truncate dossier_timeline, dossier_status, dossier_pause, agency_name, log_book_entry, step_verdict").executeUpdate());
            agencyNames.forget();
            long records = 0;
            long skipped = 0;
            try (KafkaConsumer<String, String> consumer = consumer()) {
                for (String topic : TOPICS) {
                    long[] counts = replay(consumer, topic);
                    records += counts[0];
                    skipped += counts[1];
                }
            }
            long dossiers = QuarkusTransaction.requiringNew().call(() ->
                    ((Number) em.createNativeQuery("select count(*) from dossier_status").getSingleResult()).longValue());
            Outcome outcome = new Outcome(records, skipped, dossiers, Duration.ofNanos(System.nanoTime() - started).toMillis());
            LOG.infof("read model rebuilt from Kafka: %s", outcome);
            return outcome;
        } finally {
            running.set(false);
        }
    }

    private long[] replay(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            return new long[] {0, 0};
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long records = 0;
        long skipped = 0;
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    batch.add(record);
                }
            }
            records += batch.size();
            skipped += apply(batch);
            batch.clear();
        }
        return new long[] {records, skipped};
    }

    /** Applies a batch in one transaction; if that fails, record by record, skipping the ones that fail. */
    private long apply(List<ConsumerRecord<String, String>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(r -> projection.apply(EventJson.read(r.value()))));
            return 0;
        } catch (RuntimeException batchFailed) {
            long skipped = 0;
            for (ConsumerRecord<String, String> record : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> projection.apply(EventJson.read(record.value())));
                } catch (RuntimeException e) {
                    skipped++;
                    LOG.warnf("replay skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.toString());
                }
            }
            return skipped;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }
}
