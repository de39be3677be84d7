package vn.motcua.shared.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.routing.DeadlineWarning;
import vn.motcua.shared.events.routing.TaskCompleted;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractsTest {
    private static final Pattern TYPE_NAME = Pattern.compile("vn\\.motcua\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    static Stream<EventType<?>> types() {
        return EventTypes.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void roundTripKeepsEveryField(EventType<?> type) {
        EventPayload payload = SampleEvents.all().get(type);
        assertTrue(payload != null, "no sample for " + type.type());
        assertTrue(RequiredFields.missing(payload).isEmpty(), "sample is complete");

        CloudEvent<EventPayload> event = EventTypes.envelope("test", payload);
        assertEquals(type.type(), event.type());
        assertEquals(payload.subject(), event.subject());

        String json = EventJson.write(event);
        CloudEvent<JsonNode> read = EventJson.read(json);
        assertEquals(event.id(), read.id());
        assertEquals(type.type(), read.type());
        assertEquals(payload, type.payload(read), json);

        // The JSON carries exactly the record's components, nothing derived (like subject or steps()).
        Set<String> written = new HashSet<>();
        read.data().fieldNames().forEachRemaining(written::add);
        Set<String> components = new HashSet<>();
        for (RecordComponent c : type.payloadClass().getRecordComponents()) {
            components.add(c.getName());
        }
        assertTrue(components.containsAll(written), "written " + written + " vs components " + components);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void constantsNameTypeAndTopic(EventType<?> type) throws ReflectiveOperationException {
        Class<?> c = type.payloadClass();
        assertTrue(c.isRecord(), c + " is a record");
        assertEquals(type.type(), c.getField("TYPE").get(null));
        assertEquals(type.topic(), c.getField("TOPIC").get(null));
        assertTrue(TYPE_NAME.matcher(type.type()).matches(), "versioned name: " + type.type());
        assertEquals(type.topic().equals(Topics.CATALOG) || type.topic().equals(Topics.AGENCY),
                !DossierEvent.class.isAssignableFrom(c),
                "dossier topics carry dossier events, the catalogue and agency topics the others");
        for (RecordComponent component : c.getRecordComponents()) {
            assertFalse(component.getType().isPrimitive() && component.isAnnotationPresent(OptionalField.class),
                    c.getSimpleName() + "." + component.getName() + " is primitive, so it cannot be optional");
        }
    }

    @Test
    void registryIsCompleteAndUnique() {
        assertEquals(39, EventTypes.ALL.size());
        assertEquals(EventTypes.ALL.size(), EventTypes.ALL.stream().map(EventType::type).distinct().count());
        assertEquals(EventTypes.ALL.size(), EventTypes.ALL.stream().map(EventType::payloadClass).distinct().count());
        assertEquals(SampleEvents.all().keySet(), Set.copyOf(EventTypes.ALL));
        // Every permitted subtype of the per-topic sealed interfaces is registered, on that topic.
        Map<Class<?>, String> sealed = Map.of(
                vn.motcua.shared.events.intake.IntakeEvent.class, Topics.INTAKE,
                vn.motcua.shared.events.routing.RoutingEvent.class, Topics.ROUTING,
                vn.motcua.shared.events.result.ResultEvent.class, Topics.RESULT,
                vn.motcua.shared.events.notification.NotificationEvent.class, Topics.NOTIFICATION,
                vn.motcua.shared.events.catalog.CatalogEvent.class, Topics.CATALOG,
                vn.motcua.shared.events.routing.AgencyEvent.class, Topics.AGENCY);
        int permitted = 0;
        for (var entry : sealed.entrySet()) {
            for (Class<?> sub : entry.getKey().getPermittedSubclasses()) {
                permitted++;
                @SuppressWarnings({"unchecked", "rawtypes"})
                EventType<?> type = EventTypes.of((Class) sub);
                assertEquals(entry.getValue(), type.topic(), sub.getSimpleName());
            }
        }
        assertEquals(EventTypes.ALL.size(), permitted);
        for (String topic : Topics.ALL) {
            assertFalse(EventTypes.onTopic(topic).isEmpty(), topic);
        }
        assertEquals(EventTypes.DOSSIER_RECEIVED, EventTypes.byType("vn.motcua.dossier.received.v1").orElseThrow());
        assertTrue(EventTypes.byType("vn.motcua.dossier.received.v2").isEmpty());
    }

    @Test
    void unknownFieldsAreTolerated() {
        DossierReceived sample = (DossierReceived) SampleEvents.all().get(EventTypes.DOSSIER_RECEIVED);
        CloudEvent<JsonNode> read = EventJson.read(EventJson.write(EventTypes.envelope("intake", sample)));
        ObjectNode data = (ObjectNode) read.data();
        data.put("priority", "HIGH");
        data.putObject("future").put("nested", true);
        ((ObjectNode) data.get("routingPlan")).put("revision", 7);
        ((ObjectNode) data.get("routingPlan").get("stages").get(0)).put("label", "Bước 1");
        ((ObjectNode) data.get("applicant")).put("preferredChannel", "ZALO");
        CloudEvent<JsonNode> newer = EventJson.read(EventJson.write(read));
        assertEquals(sample, EventTypes.DOSSIER_RECEIVED.payload(newer));
    }

    @Test
    void missingOptionalFieldsReadAsNullOrEmpty() {
        String json = """
                {"specversion":"1.0","id":"6f1d2c1e-0d7a-4a8e-9a55-0e9b6a1d2c3f","source":"routing",
                 "type":"vn.motcua.task.completed.v1","subject":"000.17.22.H56-251124-0007",
                 "time":"2025-11-24T11:00:00+07:00",
                 "data":{"dossierCode":"000.17.22.H56-251124-0007","taskId":"3f2c5a9e-7b1d-4e0a-9c8f-1a2b3c4d5e6f",
                         "stepId":"s1","agencyCode":"TP-XA-01","completedBy":"tuphap1",
                         "completedAt":"2025-11-24T11:00:00+07:00","outcome":"REJECTED","onTime":false}}""";
        TaskCompleted completed = EventTypes.TASK_COMPLETED.payload(EventJson.read(json));
        assertNull(completed.note());
        assertEquals(Map.of(), completed.resultData());

        DossierSupplementSupplied supplied = EventTypes.SUPPLEMENT_SUPPLIED.payload(EventJson.read("""
                {"specversion":"1.0","id":"6f1d2c1e-0d7a-4a8e-9a55-0e9b6a1d2c3f","source":"intake",
                 "type":"vn.motcua.dossier.supplement-supplied.v1","subject":"X",
                 "data":{"dossierCode":"X","suppliedAt":"2025-11-26T08:30:00+07:00"}}"""));
        assertEquals(List.of(), supplied.items());
        assertNull(supplied.receivedBy());
    }

    @Test
    void nullOptionalFieldsAreLeftOutOfTheJson() {
        String json = EventJson.write(EventTypes.envelope("intake",
                new DossierWithdrawn("X", SampleEvents.at("2025-11-25T14:00:00"), null, null)));
        assertFalse(json.contains("recordedBy"), json);
        assertFalse(json.contains("null"), json);
    }

    @Test
    void aMissingRequiredFieldIsRefusedOnBothSides() {
        var incomplete = new DossierWithdrawn("X", null, null, null);
        IllegalArgumentException publish = assertThrows(IllegalArgumentException.class,
                () -> EventTypes.envelope("intake", incomplete));
        assertTrue(publish.getMessage().contains("withdrawnAt"), publish.getMessage());

        String json = """
                {"specversion":"1.0","id":"6f1d2c1e-0d7a-4a8e-9a55-0e9b6a1d2c3f","source":"routing",
                 "type":"vn.motcua.dossier.deadline-warning.v1","subject":"X",
                 "data":{"dossierCode":"X","scope":"DOSSIER","warnedAt":"2025-11-26T08:00:00+07:00"}}""";
        var consume = assertThrows(EventJson.MalformedEventException.class,
                () -> EventTypes.DEADLINE_WARNING.payload(EventJson.read(json)));
        assertTrue(consume.getMessage().contains("dueAt"), consume.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EventTypes.DOSSIER_RECEIVED.payload(EventJson.read(json)), "wrong type");
    }

    @Test
    void nestedRequiredFieldsAreChecked() {
        DossierReceived sample = (DossierReceived) SampleEvents.all().get(EventTypes.DOSSIER_RECEIVED);
        var plan = new RoutingPlanSnapshot("TP-XA-01", List.of(PlanStage.single(
                new PlanStep("s1", null, "Tư pháp", null, StatutoryTime.workingDays(1)))));
        var broken = new DossierReceived(sample.dossierCode(), sample.procedureCode(), 1, sample.procedureName(),
                sample.channel(), sample.unitCode(), null, sample.receivedAt(), sample.appointmentAt(),
                sample.statutoryTime(), sample.applicant(), null, sample.lookupPin(), plan);
        var error = assertThrows(IllegalArgumentException.class, () -> EventTypes.envelope("intake", broken));
        assertTrue(error.getMessage().contains("routingPlan.stages[0].steps[0].agencyCode"), error.getMessage());
    }

    @Test
    void timesAreWrittenInVietnamTime() {
        OffsetDateTime utc = OffsetDateTime.of(2025, 5, 31, 18, 0, 0, 0, ZoneOffset.UTC);
        String json = EventJson.write(EventTypes.envelope("routing",
                new DeadlineWarning("X", vn.motcua.shared.events.routing.DeadlineScope.DOSSIER, null, null, utc, utc)));
        assertTrue(json.contains("\"dueAt\":\"2025-06-01T01:00:00+07:00\""), json);
        DeadlineWarning read = EventTypes.DEADLINE_WARNING.payload(EventJson.read(json));
        assertTrue(utc.isEqual(read.dueAt()));
    }

    @Test
    void receivedNeverLogsThePinOrContacts() {
        DossierReceived sample = (DossierReceived) SampleEvents.all().get(EventTypes.DOSSIER_RECEIVED);
        String text = sample.toString();
        assertFalse(text.contains(sample.lookupPin()), text);
        assertFalse(text.contains(sample.applicant().phone()), text);
        assertFalse(Arrays.stream(DossierReceived.class.getRecordComponents())
                .anyMatch(c -> c.getName().toLowerCase().matches("(citizen)?id(number)?")), "no citizen ID");
    }

    @Test
    void planStagesAreSingleOrParallel() {
        var step = new PlanStep("s", "A", "Agency", null, StatutoryTime.workingDays(1));
        assertThrows(IllegalArgumentException.class, () -> new PlanStage(StageKind.SINGLE, List.of(step, step)));
        assertThrows(IllegalArgumentException.class, () -> new PlanStage(StageKind.PARALLEL, List.of(step)));
        assertEquals(3, SampleEvents.newbornPlan().steps().size());
        assertThrows(IllegalArgumentException.class, () -> new StatutoryTime(-1, DurationUnit.WORKING_DAYS));
        assertTrue(Modifier.isFinal(EventTypes.class.getModifiers()));
    }
}
