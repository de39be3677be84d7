package vn.motcua.result.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {
    @Test
    void ignoresForwardedForUnlessTrusted() {
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "1.2.3.4", false));
    }

    @Test
    void trustedProxyGivesTheLastHopNotWhatTheClientWrote() {
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "6.6.6.6, 203.0.113.9", true));
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "203.0.113.9 , ", true));
    }

    @Test
    void trustedButNoHeaderFallsBackToThePeer() {
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", null, true));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", " , ", true));
    }
}
