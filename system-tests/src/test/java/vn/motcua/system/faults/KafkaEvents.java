package vn.motcua.system.faults;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.system.Stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the brokers hold of a set of dossiers: every record of a dossier topic since a moment, keyed by
 * one of the dossiers' codes. The relay is at-least-once (a crash between the send and the outbox delete
 * sends a row again, with the same event id), so records ≥ distinct event ids; consumers apply each id once.
 */
final class KafkaEvents {
    static final String BOOTSTRAP = System.getProperty("motcua.kafka", "localhost:" + (9092 + Stack.PORT_OFFSET));

    /** Records per event type, and the distinct event ids per type. */
    final Map<String, Integer> records = new TreeMap<>();
    final Map<String, Set<String>> ids = new TreeMap<>();

    static KafkaEvents read(String topic, Set<String> codes, Instant since) {
        KafkaEvents events = new KafkaEvents();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp start = from.get(p);
                consumer.seek(p, start == null ? end.get(p) : start.offset());
            }
            Set<TopicPartition> pending = new HashSet<>();
            for (TopicPartition p : partitions) {
                if (consumer.position(p) < end.get(p)) {
                    pending.add(p);
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && codes.contains(record.key())) {
                        CloudEvent<?> event = EventJson.read(record.value());
                        events.records.merge(event.type(), 1, Integer::sum);
                        events.ids.computeIfAbsent(event.type(), t -> new HashSet<>()).add(event.id().toString());
                    }
                }
                pending.removeIf(p -> consumer.position(p) >= end.get(p));
            }
            if (!pending.isEmpty()) {
                throw new AssertionError("could not read " + topic + " to its end: " + pending);
            }
        }
        return events;
    }

    Set<String> allIds() {
        Set<String> all = new HashSet<>();
        ids.values().forEach(all::addAll);
        return all;
    }

    /** The distinct event ids of the given types (a consumer's own: it skips the others unread). */
    Set<String> idsOf(Set<String> types) {
        Set<String> of = new HashSet<>();
        ids.forEach((type, set) -> {
            if (types.contains(type)) {
                of.addAll(set);
            }
        });
        return of;
    }

    int distinct(String type) {
        return ids.getOrDefault(type, Set.of()).size();
    }

    int recordCount() {
        return records.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        records.forEach((type, n) -> text.append(type).append(": ").append(n).append(" records, ")
                .append(distinct(type)).append(" distinct ids; "));
        return text.toString();
    }
}
