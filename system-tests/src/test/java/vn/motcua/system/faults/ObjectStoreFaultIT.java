package vn.motcua.system.faults;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.system.Newborn;
import vn.motcua.system.Stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The object store (the stack's s3proxy) killed while scans are being uploaded: every upload either answers
 * 201 and its file reads back whole with its hash, or fails (503 problem) and leaves no file on the dossier;
 * with the store down, uploads answer 503; once it is back, uploads work again.
 */
@Tag("faults")
class ObjectStoreFaultIT {
    @TempDir
    Path dir;

    @AfterEach
    void storeIsBack() {
        StackControl.start("s3");
    }

    static io.restassured.response.Response upload(String code, Path file) {
        return RestAssured.given().auth().oauth2(Stack.token("counter1")).accept(ContentType.JSON)
                .multiPart("file", file.toFile()).multiPart("component", "1")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/files");
    }

    @Test
    void noFileIsReferencedThatIsNotWhollyStored() throws Exception {
        String code = Stack.as("counter1").contentType(ContentType.JSON)
                .body(Newborn.atCounter("Đỗ Thị Hoa", "001090012345", "0987654321", "hoa.do@example.vn",
                        "8 Quán Thánh, Ba Đình, Hà Nội"))
                .post(Stack.INTAKE + "/api/dossiers").then().statusCode(201).extract().path("code");
        List<Path> scans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] bytes = new byte[15 * 1024 * 1024];
            new Random(i).nextBytes(bytes);
            System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
            scans.add(Files.write(dir.resolve("scan-" + i + ".pdf"), bytes));
        }
        ExecutorService pool = Executors.newFixedThreadPool(scans.size());
        try {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (Path scan : scans) {
                uploads.add(pool.submit(() -> upload(code, scan).then().extract().statusCode()));
            }
            Thread.sleep(Long.getLong("faults.s3.kill-after-ms", 1500)); // uploads under way, some already at the store
            StackControl.kill9("s3");
            int stored = 0;
            for (Future<Integer> upload : uploads) {
                int status = upload.get();
                assertTrue(status == 201 || status == 503, "an upload answered " + status);
                stored += status == 201 ? 1 : 0;
            }
            System.out.printf("object store killed under %d uploads: %d answered 201, %d answered 503%n",
                    uploads.size(), stored, uploads.size() - stored);
            // with the store down, an upload is refused cleanly
            upload(code, scans.get(0)).then().statusCode(503).contentType("application/problem+json");
            StackControl.start("s3");

            // every file the dossier references reads back whole, with its hash
            List<Map<String, Object>> files = Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code + "/files")
                    .then().statusCode(200).extract().path("items");
            assertEquals(stored, files.size(), "files referenced vs uploads answered 201");
            for (Map<String, Object> file : files) {
                byte[] read = RestAssured.given().auth().oauth2(Stack.token("counter1"))
                        .get(Stack.INTAKE + "/api/dossiers/" + code + "/files/" + file.get("id"))
                        .then().statusCode(200).extract().asByteArray();
                assertEquals(file.get("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(read)));
                assertEquals(((Number) file.get("size")).longValue(), read.length);
            }
            // and the store takes uploads again
            String id = upload(code, scans.get(1)).then().statusCode(201).body("size", equalTo(15 * 1024 * 1024))
                    .extract().path("id");
            byte[] again = RestAssured.given().auth().oauth2(Stack.token("counter1"))
                    .get(Stack.INTAKE + "/api/dossiers/" + code + "/files/" + id).then().statusCode(200)
                    .extract().asByteArray();
            assertArrayEquals(Files.readAllBytes(scans.get(1)), again);
        } finally {
            pool.shutdownNow();
        }
    }
}
