package vn.motcua.shared.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventTest {

    @Test
    void roundTripKeepsEveryAttributeAndWritesVietnamTime() {
        CloudEvent<Map<String, Object>> event = CloudEvent.of("intake", "vn.motcua.dossier.received.v1",
                "000.00.01.H56-261123-0001", Map.of("procedureCode", "LT-KS-TT-BHYT"));
        String json = EventJson.write(event);
        assertTrue(json.contains("\"specversion\":\"1.0\""), json);
        assertTrue(json.contains("+07:00"), "time in +07:00: " + json);

        CloudEvent<JsonNode> read = EventJson.read(json);
        assertEquals(event.id(), read.id());
        assertEquals(event.type(), read.type());
        assertEquals(event.subject(), read.subject());
        assertEquals(event.time(), read.time());
        assertEquals("application/json", read.datacontenttype());
        assertEquals("LT-KS-TT-BHYT", read.data().get("procedureCode").asText());
    }

    @Test
    void unknownAttributesAreTolerated() {
        String json = "{\"specversion\":\"1.0\",\"id\":\"6f1d2c1e-0d7a-4a8e-9a55-0e9b6a1d2c3f\",\"source\":\"intake\","
                + "\"type\":\"vn.motcua.dossier.received.v1\",\"subject\":\"X\",\"time\":\"2026-11-23T09:00:00+07:00\","
                + "\"traceparent\":\"00-abc\",\"data\":{\"future\":1}}";
        CloudEvent<JsonNode> read = EventJson.read(json);
        assertEquals("X", read.subject());
        assertEquals(1, read.data().get("future").asInt());
    }

    @Test
    void notAnEnvelopeIsRejectedAsMalformed() {
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("{not json"));
        assertThrows(EventJson.MalformedEventException.class, () -> EventJson.read("null"));
        assertThrows(EventJson.MalformedEventException.class,
                () -> EventJson.read("{\"specversion\":\"1.0\",\"source\":\"x\",\"type\":\"t\"}"), "id is required");
        assertThrows(EventJson.MalformedEventException.class,
                () -> EventJson.read("{\"specversion\":\"0.3\",\"id\":\"6f1d2c1e-0d7a-4a8e-9a55-0e9b6a1d2c3f\","
                        + "\"source\":\"x\",\"type\":\"t\"}"), "only CloudEvents 1.0");
    }

    @Test
    void typedPayloadFromUntypedEnvelope() {
        record Received(String procedureCode) {
        }
        CloudEvent<JsonNode> read = EventJson.read(EventJson.write(
                CloudEvent.of("intake", "vn.motcua.dossier.received.v1", "X", Map.of("procedureCode", "P1", "extra", 2))));
        assertEquals(new Received("P1"), EventJson.dataAs(read, Received.class));
    }
}
