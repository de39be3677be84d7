package vn.motcua.intake.catalogue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Topics;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Bodies, tokens and readers the catalogue tests share. */
final class CatalogueFixtures {
    static final String ADMIN = TestTokens.admin("admin1");
    static final String ADMIN2 = TestTokens.admin("admin2");
    static final String UNIT = "000.00.31.H29";
    static final String COUNTER = TestTokens.counterOfficer("counter1", UNIT);
    static final String SUPERVISOR = TestTokens.supervisor("sup1");

    private CatalogueFixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(EventJson.VIETNAM);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /**
     * A procedure body: justice first, then police and social insurance in parallel; {@code head} adds
     * or replaces leading fields ({@code "code":"X","effectiveFrom":"..."} or {@code "basedOnVersion":1,...}).
     */
    static String procedure(String head, int statutoryDays, int policeDays, String name) {
        return """
                {%s,
                 "name":"%s","field":"Thử nghiệm","competentAgency":"TUPHAP-BADINH",
                 "statutoryTime":{"value":%d,"unit":"WORKING_DAYS"},
                 "plan":{"stages":[
                   {"kind":"SINGLE","steps":[{"stepId":"tiep-nhan","agencyCode":"TUPHAP-BADINH","name":"Giải quyết",
                     "share":{"value":1,"unit":"WORKING_DAYS"}}]},
                   {"kind":"PARALLEL","steps":[
                     {"stepId":"cong-an","agencyCode":"CONGAN-BADINH","share":{"value":%d,"unit":"WORKING_DAYS"}},
                     {"stepId":"bhxh","agencyCode":"BHXH-KV1","share":{"value":4,"unit":"WORKING_HOURS"}}]}]},
                 "documents":[{"name":"Tờ khai thử nghiệm","form":"ORIGINAL","copies":1,"mandatory":true},
                              {"name":"Giấy tờ kèm theo","form":"COPY","copies":1,"mandatory":false}],
                 "fees":[{"name":"Lệ phí thử nghiệm","amountVnd":50000}],
                 "onlineLevel":"PARTIAL","resultForm":"Giấy xác nhận","legalBasis":"Văn bản thử nghiệm",
                 "suspensionAllowed":true,"extensionAllowed":false,"supplementLapse":"STOP"}""".formatted(head, name,
                statutoryDays, policeDays);
    }

    static String newProcedure(String code, LocalDate from) {
        return procedure("\"code\":\"" + code + "\",\"effectiveFrom\":\"" + from + "\"", 3, 2, "Thủ tục thử nghiệm " + code);
    }

    static Response receive(String procedureCode) {
        return as(COUNTER).body("""
                {"procedureCode":"%s","channel":"COUNTER",
                 "applicant":{"fullName":"Trần Thị Bình","idNumber":"001190012345","phone":"0912345678"},
                 "documents":[{"name":"Tờ khai thử nghiệm","form":"ORIGINAL","copies":1}]}""".formatted(procedureCode))
                .post("/api/dossiers");
    }

    /** The catalogue topic's records with this key, once at least {@code atLeast} of them have arrived. */
    static List<ConsumerRecord<String, String>> catalogRecords(String bootstrap, String key, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, String>> mine;
        do {
            mine = TopicReader.read(bootstrap, Topics.CATALOG, 1, Duration.ofMillis(500), Duration.ofSeconds(10))
                    .stream().filter(r -> key.equals(r.key())).toList();
        } while (mine.size() < atLeast && System.nanoTime() < deadline);
        return mine;
    }
}
