package vn.motcua.platform.crypto;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HmacsTest {
    // RFC 4231, test case 2
    private static final String JEFE = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void matchesTheRfcVectorAndKeepsKeysApartWhenReused() {
        assertEquals(JEFE, Hmacs.sha256Hex("Jefe", "what do ya want for nothing?"));
        String other = Hmacs.sha256Hex("another key", "what do ya want for nothing?");
        // the per-thread Macs are reused: interleaving keys must not leak one key's state into the other
        assertEquals(JEFE, Hmacs.sha256Hex("Jefe", "what do ya want for nothing?"));
        assertEquals(other, Hmacs.sha256Hex("another key", "what do ya want for nothing?"));
        assertEquals(64, other.length());
        assertEquals(false, other.equals(JEFE));
    }

    @Test
    void givesTheSameAnswerOnEveryThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 200; i++) {
                Future<String> hex = pool.submit(() -> Hmacs.sha256Hex("Jefe", "what do ya want for nothing?"));
                assertEquals(JEFE, hex.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
