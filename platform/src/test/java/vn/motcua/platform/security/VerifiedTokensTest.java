package vn.motcua.platform.security;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The memory of verified tokens on a clock the test moves: nothing is answered from it at or after exp. */
class VerifiedTokensTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private static QuarkusSecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(() -> name).build();
    }

    @Test
    void aTokenIsAnsweredFromMemoryUntilItsExpiryAndNeverAfter() {
        VerifiedTokens tokens = new VerifiedTokens(true, 100, clock);
        var identity = identity("counter1");
        long exp = now.get().getEpochSecond() + 300;
        tokens.remember("token-a", identity, exp);
        assertSame(identity, tokens.find("token-a"));
        assertNull(tokens.find("token-b"), "another token text is another key");
        now.set(Instant.ofEpochSecond(exp - 1));
        assertSame(identity, tokens.find("token-a"));
        now.set(Instant.ofEpochSecond(exp));
        assertNull(tokens.find("token-a"), "at exp the token is no longer valid");
        assertEquals(0, tokens.size(), "and it is dropped");
        assertEquals(2, tokens.hits());
    }

    @Test
    void anExpiredTokenIsNotKeptAndTheMemoryIsBounded() {
        VerifiedTokens tokens = new VerifiedTokens(true, 3, clock);
        long second = now.get().getEpochSecond();
        tokens.remember("old", identity("a"), second);
        assertEquals(0, tokens.size());
        tokens.remember("t1", identity("a"), second + 10);
        tokens.remember("t2", identity("b"), second + 20);
        tokens.remember("t3", identity("c"), second + 30);
        now.set(Instant.ofEpochSecond(second + 15)); // t1 expired: it makes room for t4
        tokens.remember("t4", identity("d"), second + 40);
        assertEquals(3, tokens.size());
        assertNull(tokens.find("t1"));
        tokens.remember("t5", identity("e"), second + 50); // full of live entries: emptied, then t5
        assertEquals(1, tokens.size());
        assertEquals("e", tokens.find("t5").getPrincipal().getName());
    }

    @Test
    void switchedOffItKeepsNothing() {
        VerifiedTokens tokens = new VerifiedTokens(false, 100, clock);
        tokens.remember("token-a", identity("a"), now.get().getEpochSecond() + 300);
        assertNull(tokens.find("token-a"));
    }
}
