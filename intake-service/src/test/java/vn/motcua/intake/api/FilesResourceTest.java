package vn.motcua.intake.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.intake.domain.DossierFiles;
import vn.motcua.intake.domain.FileStore;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.S3Resource;
import vn.motcua.testsupport.TestTokens;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files of a dossier on a real S3 server (s3proxy, test-support's S3Resource), metadata in the embedded PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(S3Resource.class)
class FilesResourceTest {
    static final String COUNTER = ReceptionTest.COUNTER;
    static final String JUSTICE = TestTokens.agencyOfficer("tuphap1", "TUPHAP-BADINH");

    @TempDir
    Path dir;

    @Inject
    DossierFiles files;
    @Inject
    FileStore store;

    static String dossier() {
        return ReceptionTest.post(COUNTER, ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS), null)
                .then().statusCode(201).extract().path("code");
    }

    /** A PDF-looking file of {@code size} random bytes after the signature. */
    Path pdf(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    static Response upload(String token, String code, Path file, String component, String key) {
        var request = given().auth().oauth2(token).multiPart("file", file.toFile()).multiPart("component", component);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/dossiers/" + code + "/files");
    }

    /**
     * A multipart body as browsers write it: the file name in raw UTF-8 (rest-assured's encoder would turn a
     * Vietnamese name into question marks).
     */
    static Response uploadAsBrowser(String token, String code, String name, byte[] bytes, String component) {
        String boundary = "----motcua" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n" + component
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(token).contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray())
                .post("/api/dossiers/" + code + "/files");
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void uploadListAndDownloadTheSameBytesAndHash() throws Exception {
        String code = dossier();
        Path scan = pdf("giấy chứng sinh.pdf", 300_000);
        byte[] bytes = Files.readAllBytes(scan);
        String id = uploadAsBrowser(COUNTER, code, "giấy chứng sinh.pdf", bytes, "1").then().statusCode(201)
                .contentType("application/json")
                .body("name", equalTo("giấy chứng sinh.pdf"))
                .body("component", equalTo(1))
                .body("componentName", equalTo("Giấy chứng sinh"))
                .body("size", equalTo(300_000))
                .body("type", equalTo("application/pdf"))
                .body("sha256", equalTo(sha256(bytes)))
                .body("uploadedBy", equalTo("counter1"))
                .extract().path("id");

        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code + "/files").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id)).body("total", equalTo(1));
        // the agency the dossier is routed to reads it too, and gets the same bytes
        Response download = given().auth().oauth2(JUSTICE).get("/api/dossiers/" + code + "/files/" + id);
        download.then().statusCode(200).contentType("application/pdf").header("ETag", "\"" + sha256(bytes) + "\"")
                .header("Content-Disposition", "inline; filename*=UTF-8''gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.pdf");
        assertArrayEquals(bytes, download.asByteArray());
        given().auth().oauth2(TestTokens.supervisor("supervisor1")).get("/api/dossiers/" + code + "/files")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aClosedDossierTakesNoNewFile() throws Exception {
        String code = dossier();
        upload(COUNTER, code, pdf("to-khai.pdf", 2_000), "0", null).then().statusCode(201);
        given().auth().oauth2(COUNTER).contentType("application/json").body("{\"reason\":\"Gia đình rút hồ sơ\"}")
                .post("/api/dossiers/" + code + "/withdraw").then().statusCode(200);
        upload(COUNTER, code, pdf("giay-chung-sinh.pdf", 3_000), "1", null).then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("dossier-closed"))
                .body("detail", containsString("không nhận thêm tệp"));
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code + "/files").then().statusCode(200)
                .body("total", equalTo(1)); // what came before stays readable; nothing was added
    }

    @Test
    void whoMayNotSeeTheDossierGetsNotFound() throws Exception {
        String code = dossier();
        String id = upload(COUNTER, code, pdf("a.pdf", 1000), "0", null).then().statusCode(201).extract().path("id");
        // an agency outside the procedure's routing plan, and a counter officer of another unit
        for (String stranger : List.of(TestTokens.agencyOfficer("x", "KHONG-LIEN-QUAN"),
                TestTokens.counterOfficer("counter9", "000.00.31.H30"))) {
            given().auth().oauth2(stranger).get("/api/dossiers/" + code + "/files").then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(stranger).get("/api/dossiers/" + code + "/files/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        // agencies read, they do not upload scans of the reception
        upload(JUSTICE, code, pdf("b.pdf", 1000), "0", null).then().statusCode(403);
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code + "/files/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code + "/files/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aFileAboveTheLimitIs413AndNothingIsRecorded() throws Exception {
        String code = dossier();
        Path big = dir.resolve("big.pdf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write("%PDF-1.7\n".getBytes());
            f.setLength(20L * 1024 * 1024 + 1);
        }
        upload(COUNTER, code, big, "0", null).then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Tệp quá lớn"));
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code + "/files").then().body("items", hasSize(0));
    }

    @Test
    void typeIsJudgedByContentNotByName() throws Exception {
        String code = dossier();
        Path exe = dir.resolve("giay-chung-sinh.pdf");
        byte[] elf = new byte[4096];
        elf[0] = 0x7F; elf[1] = 'E'; elf[2] = 'L'; elf[3] = 'F';
        Files.write(exe, elf);
        upload(COUNTER, code, exe, "0", null).then().statusCode(415).contentType("application/problem+json")
                .body("title", equalTo("Loại tệp không được chấp nhận"));
        Path png = dir.resolve("anh.bin");
        byte[] pngBytes = new byte[2048];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, pngBytes, 0, 8);
        Files.write(png, pngBytes);
        upload(COUNTER, code, png, "2", null).then().statusCode(201).body("type", equalTo("image/png"));
        Path jpeg = dir.resolve("scan.jpg");
        Files.write(jpeg, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'});
        upload(COUNTER, code, jpeg, "3", null).then().statusCode(201).body("type", equalTo("image/jpeg"));
    }

    @Test
    void badComponentOrMissingFileIs400() throws Exception {
        String code = dossier();
        for (String component : List.of("4", "-1", "x", "")) {
            upload(COUNTER, code, pdf("c.pdf", 100), component, null).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(COUNTER).multiPart("component", "0").post("/api/dossiers/" + code + "/files")
                .then().statusCode(400).contentType("application/problem+json");
        upload(COUNTER, code, dir.resolve("empty.pdf").toFile().createNewFile() ? dir.resolve("empty.pdf") : null,
                "0", null).then().statusCode(400);
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code + "/files").then().body("items", hasSize(0));
    }

    @Test
    void aRepeatedIdempotencyKeyReplaysTheFirstUpload() throws Exception {
        String code = dossier();
        Path scan = pdf("d.pdf", 5000);
        String first = upload(COUNTER, code, scan, "0", "scan-" + code).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("id");
        upload(COUNTER, code, scan, "0", "scan-" + code).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        upload(COUNTER, code, pdf("e.pdf", 6000), "0", "scan-" + code).then().statusCode(422);
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code + "/files").then().body("items", hasSize(1));
    }

    @Test
    void anObjectNoRowReferencesIsCollectedAfterTheGracePeriodAndReferencedOnesStay() throws Exception {
        String code = dossier();
        String id = upload(COUNTER, code, pdf("kept.pdf", 2000), "0", null).then().statusCode(201).extract().path("id");
        Path orphan = pdf("orphan.pdf", 3000);
        // what a crash between the object store and the commit leaves behind
        String key = DossierFiles.objectKey(Instant.now());
        store.put(key, orphan, Files.size(orphan), "application/pdf");
        assertEquals(0, files.collectOrphans(Instant.now().minusSeconds(3600)), "within the grace period nothing goes");
        List<String> keys = new ArrayList<>();
        assertTrue(files.collectOrphans(Instant.now().plusSeconds(5)) >= 1);
        store.list("dossier-files/", o -> keys.add(o.key()));
        assertFalse(keys.contains(key));
        assertTrue(keys.size() >= 1, "the referenced objects stay: " + keys);
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code + "/files/" + id).then().statusCode(200);
    }
}
