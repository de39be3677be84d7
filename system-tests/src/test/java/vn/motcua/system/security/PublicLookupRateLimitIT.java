package vn.motcua.system.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.motcua.system.Stack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The miss limits of every lookup by code and PIN (ARCHITECTURE.md): misses are counted per client address
 * (10 a minute) and per dossier code (10 an hour); past either, every lookup in that scope answers 429 with
 * Retry-After, the correct PIN too. Each test has its own dossier and speaks from loopback addresses of its
 * own (127.x.y.z, chosen at random), so its misses never fill the bucket of 127.0.0.1 that every other system
 * test shares; its buckets are deleted afterwards. Each miss carries a different X-Forwarded-For: the service
 * must not take the client's word for its address (it trusts that header only when configured to sit behind a
 * proxy).
 */
class PublicLookupRateLimitIT {
    static final Map<String, String> JSON = Map.of("Accept", "application/json");
    static final String RATING = "{\"onTime\":true,\"contactCount\":1,\"agenciesContacted\":1,\"staffAttitude\":\"NEUTRAL\","
            + "\"openness\":\"NEUTRAL\",\"overall\":\"NEUTRAL\"}";
    static final List<String> buckets = new ArrayList<>();

    @AfterAll
    static void forgetTheBuckets() throws SQLException {
        try (Connection db = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua");
             PreparedStatement delete = db.prepareStatement("delete from result.rate_limit_bucket where bucket like ?")) {
            for (String bucket : buckets) {
                delete.setString(1, "%" + bucket);
                delete.executeUpdate();
            }
        }
    }

    static InetAddress ownAddress() throws UnknownHostException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        InetAddress address = InetAddress.getByAddress(new byte[]{127, (byte) random.nextInt(1, 255),
                (byte) random.nextInt(1, 255), (byte) random.nextInt(2, 255)});
        buckets.add(address.getHostAddress());
        return address;
    }

    static String wrongPin(String pin, int i) {
        return String.format("%06d", (Integer.parseInt(pin) + 1 + i) % 1_000_000);
    }

    @Test
    void afterTenMissesFromAnAddressEveryLookupFromItIs429TheCorrectPinToo() throws UnknownHostException {
        Fixture.Received dossier = Fixture.receive();
        Stack.awaitProjected(dossier.code());
        String status = "/api/public/dossiers/" + dossier.code() + "?pin=";
        try (RawHttp http = new RawHttp(Stack.RESULT, ownAddress())) {
            for (int miss = 1; miss <= 10; miss++) {
                // Unknown codes: only the address's limit is reached, not the dossier's.
                RawHttp.Response response = http.send("GET", "/api/public/dossiers/000.00.31.H29-991231-" + (9000 + miss)
                        + "?pin=123456", Map.of("Accept", "application/json", "X-Forwarded-For", "10.9.8." + miss), null);
                assertEquals(404, response.status(), "miss " + miss + ": " + response);
                assertTrue(response.header("content-type").startsWith("application/problem+json"), response.toString());
            }
            RawHttp.Response blocked = http.send("GET", status + wrongPin(dossier.pin(), 0),
                    Map.of("Accept", "application/json", "X-Forwarded-For", "10.9.8.11"), null);
            assertEquals(429, blocked.status(), blocked.toString());
            assertTrue(blocked.header("content-type").startsWith("application/problem+json"), blocked.toString());
            String retryAfter = blocked.header("Retry-After");
            assertNotNull(retryAfter, "429 says when to come back");
            int seconds = Integer.parseInt(retryAfter.strip());
            assertTrue(seconds >= 1 && seconds <= 60, "Retry-After within the minute: " + seconds);

            // The right PIN is refused as well while the address is blocked, through every view of the PIN.
            RawHttp.Response correct = http.send("GET", status + dossier.pin(), JSON, null);
            assertEquals(429, correct.status(), correct.toString());
            assertNotNull(correct.header("Retry-After"), correct.toString());
            assertEquals(429, http.send("GET", "/api/public/open311/requests/" + dossier.code() + "?pin=" + dossier.pin(),
                    JSON, null).status());
        }
        // The block is the address's: from 127.0.0.1, which the other tests use, the dossier is answered.
        try (RawHttp other = new RawHttp(Stack.RESULT, null)) {
            RawHttp.Response answered = other.send("GET", status + dossier.pin(), JSON, null);
            assertEquals(200, answered.status(), answered.toString());
        }
    }

    /**
     * The console looks dossiers up for every citizen from one address; it names each citizen's address in
     * X-Forwarded-For, which result believes from the console only (deploy/local/lib.sh lists the console's address
     * in motcua.result.lookup.trusted-proxies). So one citizen's misses through the console block that citizen, not
     * the next one, and not the console; while a client that writes X-Forwarded-For itself, straight to result,
     * stays in its own bucket whatever it writes.
     */
    @Test
    void citizensBehindTheConsoleHaveBucketsOfTheirOwnAndAForgedHeaderEscapesNone() throws UnknownHostException {
        InetAddress first = ownAddress();
        InetAddress second = ownAddress();
        try (RawHttp citizen = new RawHttp(Stack.CONSOLE, first)) {
            for (int miss = 1; miss <= 10; miss++) {
                RawHttp.Response page = citizen.send("GET", "/tra-cuu?code=000.00.31.H29-991231-" + (9100 + miss) + "&pin=123456",
                        Map.of("Accept", "text/html"), null);
                assertEquals(404, page.status(), "miss " + miss + " through the console: " + page);
                assertTrue(page.text().contains("Không tìm thấy hồ sơ"), page.toString());
            }
            RawHttp.Response blocked = citizen.send("GET", "/tra-cuu?code=000.00.31.H29-991231-9111&pin=123456",
                    Map.of("Accept", "text/html"), null);
            assertEquals(429, blocked.status(), blocked.toString());
            assertTrue(blocked.text().contains("Bạn đã thử quá nhiều lần"), blocked.toString());
        }
        try (RawHttp next = new RawHttp(Stack.CONSOLE, second)) {
            RawHttp.Response page = next.send("GET", "/tra-cuu?code=000.00.31.H29-991231-9121&pin=123456",
                    Map.of("Accept", "text/html"), null);
            assertEquals(404, page.status(), "another citizen behind the same console is not blocked: " + page);
        }
        // Straight to result, X-Forwarded-For is the client's own word: ignored, the 11th miss is blocked.
        try (RawHttp forger = new RawHttp(Stack.RESULT, ownAddress())) {
            for (int miss = 1; miss <= 10; miss++) {
                RawHttp.Response response = forger.send("GET", "/api/public/dossiers/000.00.31.H29-991231-" + (9130 + miss)
                        + "?pin=123456", Map.of("Accept", "application/json", "X-Forwarded-For", "127.0.0.1, 10.9.7." + miss), null);
                assertEquals(404, response.status(), "miss " + miss + ": " + response);
            }
            RawHttp.Response blocked = forger.send("GET", "/api/public/dossiers/000.00.31.H29-991231-9141?pin=123456",
                    Map.of("Accept", "application/json", "X-Forwarded-For", "198.51.100.77"), null);
            assertEquals(429, blocked.status(), blocked.toString());
        }
    }

    @Test
    void tenMissesOnOneCodeFromTenAddressesBlockThatCodeForEveryAddress() throws UnknownHostException {
        Fixture.Received dossier = Fixture.receive();
        Stack.awaitProjected(dossier.code());
        buckets.add(dossier.code());
        String status = "/api/public/dossiers/" + dossier.code() + "?pin=";
        for (int miss = 0; miss < 10; miss++) {
            try (RawHttp http = new RawHttp(Stack.RESULT, ownAddress())) {
                RawHttp.Response response = http.send("GET", status + wrongPin(dossier.pin(), miss), JSON, null);
                assertEquals(404, response.status(), "miss " + miss + " (one per address): " + response);
            }
        }
        try (RawHttp fresh = new RawHttp(Stack.RESULT, ownAddress())) {
            RawHttp.Response correct = fresh.send("GET", status + dossier.pin(), JSON, null);
            assertEquals(429, correct.status(), correct.toString());
            int seconds = Integer.parseInt(correct.header("Retry-After").strip());
            assertTrue(seconds > 60 && seconds <= 3600, "blocked for the rest of the hour: " + seconds);
            assertEquals(429, fresh.send("GET", "/api/public/open311/requests/" + dossier.code() + "?pin=" + dossier.pin(),
                    JSON, null).status());
            assertEquals(429, fresh.send("POST", "/api/public/dossiers/" + dossier.code() + "/rating?pin=" + dossier.pin(),
                    Map.of("Content-Type", "application/json"), RATING.getBytes(StandardCharsets.UTF_8)).status());
        }
    }
}
