package vn.motcua.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Scale-out on one machine: two instances of each service (deploy/local/up.sh, then deploy/local/scale.sh:
 * the second ones on the ports + 10) against one Kafka and one PostgreSQL, one consumer group per service.
 * A load run receives dossiers split across both intakes and completes each dossier's first task through
 * both routings, then moves some deadlines into the past. Proven:
 * <ul>
 *   <li>the work is split: every service's group has two members that both own partitions, and each instance
 *   consumed records (its own Kafka consumer metrics on /q/metrics);</li>
 *   <li>per-dossier order holds: for each dossier, the order in which routing and result applied its events
 *   (processed_event.processed_at) is the order of the records in its partition;</li>
 *   <li>each deadline event fires once although both routings sweep: one warning or one overdue event per
 *   dossier and per open task, no duplicate.</li>
 * </ul>
 * Not part of the default run (it needs the second instances, and the sweep interval shortened): run it by
 * name, see docs/OPERATIONS.md "Scale-out" or deploy/local/scale.sh. -Dscale.dossiers=N (default 120).
 */
class ScaleOutCheck {
    static final int STEP = 10;
    static final int DOSSIERS = Integer.getInteger("scale.dossiers", 120);
    static final int THREADS = 8;
    static final String KAFKA = "localhost:" + (9092 + Stack.PORT_OFFSET);
    static final List<String> SERVICES = List.of("intake", "routing", "result", "notification");

    static String second(String first) {
        Matcher m = Pattern.compile(":(\\d+)$").matcher(first);
        assertTrue(m.find(), first);
        return first.substring(0, m.start()) + ":" + (Integer.parseInt(m.group(1)) + STEP);
    }

    static final Map<String, List<String>> INSTANCES = Map.of(
            "intake", List.of(Stack.INTAKE, second(Stack.INTAKE)),
            "routing", List.of(Stack.ROUTING, second(Stack.ROUTING)),
            "result", List.of(Stack.RESULT, second(Stack.RESULT)),
            "notification", List.of(Stack.NOTIFICATION, second(Stack.NOTIFICATION)));

    @Test
    void twoInstancesOfEachServiceShareTheWorkKeepEachDossiersOrderAndFireEachDeadlineOnce() throws Exception {
        for (String service : SERVICES) {
            for (String instance : INSTANCES.get(service)) {
                int status = RestAssured.get(instance + "/q/health/ready").statusCode();
                if (status != 200) {
                    fail(instance + " is not ready (" + status + "): start the second instances with deploy/local/scale.sh");
                }
            }
        }
        Map<String, List<Double>> consumedBefore = consumedPerInstance();

        // 1. Load: dossiers received alternately by the two intakes, 8 clients at a time.
        String dossier = WalkingSkeletonIT.NEWBORN;
        long t0 = System.nanoTime();
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> receivedBy = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            String intake = INSTANCES.get("intake").get(i % 2);
            work.add(pool.submit(() -> {
                Response r = Stack.as("counter1").contentType(ContentType.JSON).body(dossier).post(intake + "/api/dossiers");
                assertEquals(201, r.statusCode(), r.asString());
                codes.add(r.path("code"));
                receivedBy.merge(intake, 1, Integer::sum);
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double receiveSeconds = (System.nanoTime() - t0) / 1e9;

        // 2. Every dossier reaches routing (its justice task) and result's read model.
        try (Connection db = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua")) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    count(db, "select count(*) from routing.agency_task where dossier_code = any(?) and status = 'ASSIGNED'", codes) == DOSSIERS
                            && count(db, "select count(*) from result.dossier_status where code = any(?)", codes) == DOSSIERS);
        }
        double projectedSeconds = (System.nanoTime() - t0) / 1e9;

        // 3. The justice office completes every first task, through both routings: the police task follows.
        Map<String, Integer> completedBy = new ConcurrentHashMap<>();
        work.clear();
        List<String> all = List.copyOf(codes);
        for (int i = 0; i < all.size(); i++) {
            String routing = INSTANCES.get("routing").get(i % 2);
            String code = all.get(i);
            work.add(pool.submit(() -> {
                String task = Stack.as("tuphap1").queryParam("dossier", code).get(routing + "/api/tasks").path("items[0].id");
                Stack.as("tuphap1").contentType(ContentType.JSON).body("{\"outcome\":\"APPROVED\",\"note\":\"Đã đăng ký khai sinh\"}")
                        .post(routing + "/api/tasks/" + task + "/complete").then().statusCode(200);
                completedBy.merge(routing, 1, Integer::sum);
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        // 4. Deadlines: the first half is warned about (warning time passed, due date ahead), the second half is
        //    overdue. Both routings sweep (MOTCUA_ROUTING_DEADLINES_SWEEP_EVERY, a few seconds).
        List<String> warned = all.subList(0, all.size() / 2);
        List<String> overdue = all.subList(all.size() / 2, all.size());
        try (Connection db = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua")) {
            await().atMost(Duration.ofMinutes(2)).until(() -> count(db,
                    "select count(*) from routing.agency_task where dossier_code = any(?) and agency = 'CONGAN-BADINH' and status = 'ASSIGNED'", all) == DOSSIERS);
            update(db, "update routing.routed_dossier set warn_at = now() - interval '1 minute' where code = any(?)", warned);
            update(db, "update routing.agency_task set warn_at = now() - interval '1 minute' where dossier_code = any(?) and status in ('ASSIGNED', 'CLAIMED')", warned);
            update(db, "update routing.routed_dossier set warn_at = now() - interval '2 minute', due_at = now() - interval '1 minute' where code = any(?)", overdue);
            update(db, "update routing.agency_task set warn_at = now() - interval '2 minute', due_at = now() - interval '1 minute' where dossier_code = any(?) and status in ('ASSIGNED', 'CLAIMED')", overdue);
            long sweptAt = System.nanoTime();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    count(db, "select count(*) from routing.routed_dossier where code = any(?) and (warned_at is null or (due_at < now() and overdue_at is null))", all) == 0
                            && count(db, "select count(*) from routing.agency_task where dossier_code = any(?) and status in ('ASSIGNED', 'CLAIMED') and (warned_at is null or (due_at < now() and overdue_at is null))", all) == 0);
            System.out.printf("deadline marks set in %.1f s%n", (System.nanoTime() - sweptAt) / 1e9);
            // the outbox relays publish them; give every consumer the time to apply them too
            await().atMost(Duration.ofMinutes(1)).until(() -> count(db, "select count(*) from routing.outbox_event where message_key = any(?)", all) == 0);
        }

        // 5. What Kafka holds for these dossiers, in partition order.
        Map<String, List<Rec>> intakeEvents = read("motcua.intake.events", Set.copyOf(all));
        Map<String, List<Rec>> routingEvents = read("motcua.routing.events", Set.copyOf(all));

        // Each deadline event once: per dossier and per task, one warning (first half) or one overdue (second half).
        int duplicates = 0;
        Map<String, Integer> deadlineCounts = new TreeMap<>();
        for (String code : all) {
            Map<String, Long> perScope = routingEvents.getOrDefault(code, List.of()).stream()
                    .filter(r -> r.type.endsWith("deadline-warning.v1") || r.type.endsWith("dossier.overdue.v1"))
                    .collect(Collectors.groupingBy(r -> r.type + " " + r.scope, Collectors.counting()));
            boolean isWarned = warned.contains(code);
            String kind = isWarned ? "vn.motcua.dossier.deadline-warning.v1" : "vn.motcua.dossier.overdue.v1";
            Map<String, Long> expected = new TreeMap<>(Map.of(kind + " DOSSIER", 1L, kind + " TASK", 1L));
            if (!expected.equals(new TreeMap<>(perScope))) {
                duplicates++;
                System.out.println("deadline events of " + code + ": " + perScope + ", expected " + expected);
            }
            perScope.forEach((k, v) -> deadlineCounts.merge(k, v.intValue(), Integer::sum));
        }

        // 6. Per-dossier order: processed_at of each consumer follows the partition order of the dossier's records.
        Map<String, Integer> orderViolations = new TreeMap<>();
        Map<String, Integer> checkedEvents = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua")) {
            check(db, "routing", "routing-intake", intakeEvents, orderViolations, checkedEvents);
            check(db, "result", "result-status-intake", intakeEvents, orderViolations, checkedEvents);
            check(db, "result", "result-status-routing", routingEvents, orderViolations, checkedEvents);
            check(db, "intake", "intake-routing", routingEvents, orderViolations, checkedEvents);
        }

        // 7. The split: both members of each group own partitions, and both instances consumed records.
        Map<String, String> groups = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(
                    List.of("intake-service", "routing-service", "result-service", "notification-service")).all().get();
            for (ConsumerGroupDescription group : described.values()) {
                List<Integer> owned = group.members().stream().map(m -> m.assignment().topicPartitions().size()).toList();
                groups.put(group.groupId(), owned.toString());
                assertTrue(owned.stream().allMatch(n -> n > 0), group.groupId() + ": a member owns no partition " + owned);
                assertEquals(2 * countIncoming(group.groupId()), owned.size(), group.groupId() + ": one member per channel and instance " + owned);
            }
        }
        Map<String, List<Double>> consumedAfter = consumedPerInstance();
        Map<String, List<Long>> consumed = new TreeMap<>();
        for (String service : SERVICES) {
            List<Long> delta = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                delta.add(Math.round(consumedAfter.get(service).get(i) - consumedBefore.get(service).get(i)));
            }
            consumed.put(service, delta);
        }

        System.out.printf("%nscale-out run: %d dossiers received in %.1f s (%.0f/s) split %s; all routed and projected after %.1f s;"
                        + " first tasks completed %s%nrecords consumed per instance during the run %s%npartitions owned by each member of the groups %s%n"
                        + "deadline events %s; dossiers with a missing or duplicate deadline event: %d%n"
                        + "events checked for order %s; order violations %s%n",
                DOSSIERS, receiveSeconds, DOSSIERS / receiveSeconds, new TreeMap<>(receivedBy), projectedSeconds,
                new TreeMap<>(completedBy), consumed, groups, deadlineCounts, duplicates, checkedEvents, orderViolations);

        assertEquals(2, receivedBy.size(), "both intakes received");
        assertEquals(2, completedBy.size(), "both routings completed tasks");
        consumed.forEach((service, delta) -> assertTrue(delta.get(0) > 0 && delta.get(1) > 0,
                service + ": both instances consumed records " + delta));
        assertEquals(0, duplicates, "each deadline event once");
        assertTrue(orderViolations.values().stream().allMatch(v -> v == 0), "per-dossier order " + orderViolations);
        assertTrue(checkedEvents.values().stream().allMatch(v -> v >= DOSSIERS), "order checked on every dossier " + checkedEvents);
    }

    /** Each consumer group member is one channel of one instance: how many incoming channels the service has. */
    private static int countIncoming(String group) {
        return switch (group) {
            case "intake-service" -> 2;
            case "routing-service" -> 2;
            case "result-service" -> 3;
            default -> 4;
        };
    }

    private record Rec(String id, String type, String scope, int partition, long offset) {
    }

    /** The records of the given dossiers on a topic, per dossier in partition (offset) order. */
    private static Map<String, List<Rec>> read(String topic, Set<String> keys) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Map<String, List<Rec>> byKey = new HashMap<>();
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        Pattern type = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
        Pattern scope = Pattern.compile("\"scope\"\\s*:\\s*\"([^\"]+)\"");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(r.key())) {
                        Matcher i = id.matcher(r.value());
                        Matcher t = type.matcher(r.value());
                        Matcher s = scope.matcher(r.value());
                        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new Rec(i.find() ? i.group(1) : "?",
                                t.find() ? t.group(1) : "?", s.find() ? s.group(1) : "", r.partition(), r.offset()));
                    }
                }
            }
        }
        return byKey;
    }

    /** Whether {@code consumer} applied each dossier's events of one topic in partition order. */
    private static void check(Connection db, String schema, String consumer, Map<String, List<Rec>> events,
                              Map<String, Integer> violations, Map<String, Integer> checked) throws Exception {
        List<String> ids = events.values().stream().flatMap(List::stream).map(Rec::id).toList();
        Map<String, Timestamp> appliedAt = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select event_id::text, processed_at from " + schema
                + ".processed_event where consumer = ? and event_id = any(?::uuid[])")) {
            s.setString(1, consumer);
            s.setArray(2, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    appliedAt.put(rs.getString(1), rs.getTimestamp(2));
                }
            }
        }
        int bad = 0;
        int seen = 0;
        for (var entry : events.entrySet()) {
            Timestamp previous = null;
            for (Rec r : entry.getValue()) {
                Timestamp at = appliedAt.get(r.id);
                if (at == null) {
                    continue; // not for this consumer (e.g. an event it ignores without recording)
                }
                seen++;
                if (previous != null && at.before(previous)) {
                    bad++;
                    System.out.println(consumer + ": " + entry.getKey() + " applied " + r + " before its predecessor");
                }
                previous = at;
            }
        }
        violations.put(consumer, bad);
        checked.put(consumer, seen);
    }

    /** Records consumed per instance, summed over its dossier channels: Kafka's consumer metrics on /q/metrics. */
    private static Map<String, List<Double>> consumedPerInstance() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        Pattern sample = Pattern.compile("^kafka_consumer_fetch_manager_records_consumed_total\\{([^}]*)} ([0-9.eE+-]+)$", Pattern.MULTILINE);
        for (String service : SERVICES) {
            List<Double> perInstance = new ArrayList<>();
            for (String instance : INSTANCES.get(service)) {
                String metrics = RestAssured.get(instance + "/q/metrics").asString();
                double sum = 0;
                Matcher m = sample.matcher(metrics);
                while (m.find()) {
                    if (!m.group(1).contains("catalog")) { // per channel (client id); the catalogue is not dossier work
                        sum += Double.parseDouble(m.group(2));
                    }
                }
                perInstance.add(sum);
            }
            out.put(service, perInstance);
        }
        return out;
    }

    private static long count(Connection db, String sql, List<String> codes) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setArray(1, db.createArrayOf("varchar", codes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection db, String sql, List<String> codes) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setArray(1, db.createArrayOf("varchar", codes.toArray()));
            s.executeUpdate();
        }
    }
}
