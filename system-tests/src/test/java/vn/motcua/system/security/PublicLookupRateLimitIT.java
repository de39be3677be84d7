package vn.motcua.system.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.system.Stack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public status lookup's miss limit (ARCHITECTURE.md): per client address at most 10 misses a minute,
 * the 11th answers 429 with Retry-After, and a correct lookup is still answered. The test speaks from its
 * own loopback address (127.x.y.z, chosen at random), so its misses fill its own bucket and never the one
 * of 127.0.0.1 that every other system test shares; its bucket is deleted afterwards. Each miss carries a
 * different X-Forwarded-For: the service must not take the client's word for its address (it trusts that
 * header only when configured to sit behind a proxy).
 */
class PublicLookupRateLimitIT {
    static Fixture.Received dossier;
    static InetAddress address;

    @BeforeAll
    static void fixture() throws UnknownHostException {
        dossier = Fixture.receive();
        Stack.awaitProjected(dossier.code());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        address = InetAddress.getByAddress(new byte[]{127, (byte) random.nextInt(1, 255), (byte) random.nextInt(1, 255),
                (byte) random.nextInt(2, 255)});
    }

    @AfterAll
    static void forgetTheBucket() throws SQLException {
        try (Connection db = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua");
             PreparedStatement delete = db.prepareStatement("delete from result.rate_limit_bucket where bucket like ?")) {
            delete.setString(1, "%" + address.getHostAddress());
            delete.executeUpdate();
        }
    }

    static String wrongPin(String pin) {
        return String.format("%06d", (Integer.parseInt(pin) + 1) % 1_000_000);
    }

    @Test
    void theEleventhMissInAMinuteIs429WithRetryAfterAndACorrectLookupStillAnswers() {
        String status = "/api/public/dossiers/" + dossier.code() + "?pin=";
        try (RawHttp http = new RawHttp(Stack.RESULT, address)) {
            for (int miss = 1; miss <= 10; miss++) {
                RawHttp.Response response = http.send("GET", status + wrongPin(dossier.pin()),
                        Map.of("Accept", "application/json", "X-Forwarded-For", "10.9.8." + miss), null);
                assertEquals(404, response.status(), "miss " + miss + ": " + response);
                assertTrue(response.header("content-type").startsWith("application/problem+json"), response.toString());
            }
            // An unknown code is a miss like a wrong PIN: the 11th.
            RawHttp.Response blocked = http.send("GET", "/api/public/dossiers/000.00.31.H29-991231-9999?pin=123456",
                    Map.of("Accept", "application/json", "X-Forwarded-For", "10.9.8.11"), null);
            assertEquals(429, blocked.status(), blocked.toString());
            assertTrue(blocked.header("content-type").startsWith("application/problem+json"), blocked.toString());
            String retryAfter = blocked.header("Retry-After");
            assertNotNull(retryAfter, "429 says when to come back");
            int seconds = Integer.parseInt(retryAfter.strip());
            assertTrue(seconds >= 1 && seconds <= 60, "Retry-After within the minute: " + seconds);
            // Still blocked, even for the right code with a wrong PIN, and through the Open311 view.
            assertEquals(429, http.send("GET", status + wrongPin(dossier.pin()), Map.of("Accept", "application/json"), null).status());
            assertEquals(429, http.send("GET", "/api/public/open311/requests/" + dossier.code() + "?pin=" + wrongPin(dossier.pin()),
                    Map.of("Accept", "application/json"), null).status());

            // The citizen with the right PIN is answered all the same.
            RawHttp.Response correct = http.send("GET", status + dossier.pin(), Map.of("Accept", "application/json"), null);
            assertEquals(200, correct.status(), correct.toString());
            assertTrue(correct.text().contains(dossier.code()), correct.toString());
        }
        // The bucket is the address's: from 127.0.0.1, which the other tests use, a miss is still a plain 404
        // (one miss, far under its limit).
        try (RawHttp other = new RawHttp(Stack.RESULT, null)) {
            RawHttp.Response miss = other.send("GET", status + wrongPin(dossier.pin()), Map.of("Accept", "application/json"), null);
            assertEquals(404, miss.status(), miss.toString());
        }
    }
}
