package vn.motcua.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Dossier files through the real stack: intake with real Keycloak tokens, the bytes in the stack's s3proxy
 * (deploy/local/up.sh), the metadata in its PostgreSQL.
 */
class FilesIT {
    @TempDir
    Path dir;

    static Response upload(String user, String code, Path file, int component) {
        return RestAssured.given().auth().oauth2(Stack.token(user)).accept(ContentType.JSON)
                .multiPart("file", file.toFile()).multiPart("component", String.valueOf(component))
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/files");
    }

    static String newborn() {
        return Stack.as("counter1").contentType(ContentType.JSON)
                .body(Newborn.atCounter("Lê Văn Cường", "001090012345", "0987654321", "cuong.le@example.vn",
                        "8 Quán Thánh, Ba Đình, Hà Nội"))
                .post(Stack.INTAKE + "/api/dossiers").then().statusCode(201).extract().path("code");
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aScanIsUploadedListedAndReadBackByTheAgenciesOfTheDossierOnly() throws Exception {
        String code = newborn();
        byte[] bytes = new byte[3 * 1024 * 1024];
        new Random(21).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
        Path scan = dir.resolve("giay-chung-sinh.pdf");
        Files.write(scan, bytes);

        String id = upload("counter1", code, scan, 1).then().statusCode(201)
                .body("name", equalTo("giay-chung-sinh.pdf")).body("componentName", equalTo("Giấy chứng sinh"))
                .body("size", equalTo(bytes.length)).body("type", equalTo("application/pdf"))
                .body("sha256", equalTo(sha256(bytes))).body("uploadedBy", equalTo("counter1"))
                .extract().path("id");
        Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code + "/files").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].sha256", equalTo(sha256(bytes)));

        // the justice office, the first agency of the newborn plan, reads the same bytes
        byte[] read = RestAssured.given().auth().oauth2(Stack.token("tuphap1"))
                .get(Stack.INTAKE + "/api/dossiers/" + code + "/files/" + id)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(bytes, read);
        Stack.as("bhxh1").get(Stack.INTAKE + "/api/dossiers/" + code + "/files").then().statusCode(200);

        // a dossier of a procedure the justice office has no step in: its files do not exist for tuphap1
        String other = Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"procedureCode":"LLTP-CAP-PHIEU","channel":"COUNTER","applicant":%s,
                         "documents":[{"name":"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp","form":"ORIGINAL","copies":1}]}"""
                        .formatted(Journeys.applicant("Phạm Thị Thu", "thu.pham@example.vn")))
                .post(Stack.INTAKE + "/api/dossiers").then().statusCode(201).extract().path("code");
        String otherId = upload("counter1", other, scan, 0).then().statusCode(201).extract().path("id");
        Stack.as("tuphap1").get(Stack.INTAKE + "/api/dossiers/" + other + "/files").then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.given().auth().oauth2(Stack.token("tuphap1"))
                .get(Stack.INTAKE + "/api/dossiers/" + other + "/files/" + otherId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aFileOverTwentyMegabytesIs413() throws IOException {
        String code = newborn();
        Path big = dir.resolve("big.pdf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write("%PDF-1.7\n".getBytes());
            f.setLength(20L * 1024 * 1024 + 1);
        }
        upload("counter1", code, big, 0).then().statusCode(413).contentType("application/problem+json");
        Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code + "/files").then().body("items", hasSize(0));
    }

    @Test
    void anExecutableRenamedPdfIs415() throws IOException {
        String code = newborn();
        // a real executable of this machine, named like a scan
        Path exe = dir.resolve("to-khai.pdf");
        Files.copy(Path.of(System.getProperty("java.home"), "bin", "java"), exe);
        upload("counter1", code, exe, 0).then().statusCode(415).contentType("application/problem+json")
                .body("title", equalTo("Loại tệp không được chấp nhận"));
        Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code + "/files").then().body("items", hasSize(0));
    }
}
