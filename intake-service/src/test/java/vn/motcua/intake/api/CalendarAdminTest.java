package vn.motcua.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.catalog.CalendarYearPublished;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An administrator replaces a year's official table; deadlines follow it and the catalogue hears of it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CalendarAdminTest {
    static final String TABLE_2030 = """
            {"sources":[{"title":"Thông báo lịch nghỉ lễ năm 2030 (thử nghiệm)","reference":"01/TB-TEST","url":null}],
             "entries":[{"date":"2030-01-01","kind":"HOLIDAY","name":"Tết Dương lịch"},
                        {"date":"2030-04-29","kind":"DAY_OFF","name":"Nghỉ hoán đổi"},
                        {"date":"2030-04-30","kind":"HOLIDAY","name":"Ngày Chiến thắng"},
                        {"date":"2030-05-01","kind":"HOLIDAY","name":"Ngày Quốc tế Lao động"},
                        {"date":"2030-05-04","kind":"MAKEUP_WORKDAY","name":"Làm bù cho ngày 29/4"}]}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anAdministratorsTableReplacesTheYearAndIsPublished() {
        given().auth().oauth2(TestTokens.counterOfficer("counter1", "000.00.31.H29")).contentType(ContentType.JSON)
                .body(TABLE_2030).put("/api/calendar/years/2030").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(TABLE_2030.replace("2030-05-04", "2030-05-06")).put("/api/calendar/years/2030")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(TABLE_2030).put("/api/calendar/years/2030").then().statusCode(200)
                .body("date", equalTo(List.of("2030-01-01", "2030-04-29", "2030-04-30", "2030-05-01", "2030-05-04")));

        given().queryParam("year", 2030).get("/api/calendar/holidays").then().statusCode(200)
                .body("kind", equalTo(List.of("HOLIDAY", "DAY_OFF", "HOLIDAY", "HOLIDAY", "MAKEUP_WORKDAY")));
        // Friday 26 April 2030: Monday 29 off, 30/4 and 1/5 holidays, Saturday 4 May worked.
        given().queryParam("from", "2030-04-26T09:00:00+07:00").queryParam("workingDays", 1)
                .get("/api/calendar/deadline").then().body("due", equalTo("2030-05-02T17:00:00+07:00"));
        given().queryParam("from", "2030-04-26T09:00:00+07:00").queryParam("workingDays", 3)
                .get("/api/calendar/deadline").then().body("due", equalTo("2030-05-04T17:00:00+07:00"));

        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap, Topics.CATALOG, 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.stream().filter(r -> "2030".equals(r.key())).findFirst().orElseThrow();
        CloudEvent<JsonNode> event = EventJson.read(record.value());
        CalendarYearPublished published = EventTypes.CALENDAR_YEAR_PUBLISHED.payload(event);
        assertEquals(5, published.entries().size());
        assertEquals(LocalDate.parse("2030-05-04"), published.entries().get(4).date());
        assertEquals("admin1", published.publishedBy());
    }
}
