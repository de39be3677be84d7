package vn.motcua.result.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressTest {
    static final Predicate<String> NONE = a -> false;
    static final Predicate<String> EVERY = a -> true;
    /** The older switch, trust-forwarded-for=true: every peer, the last entry. */
    static String everyPeer(String remote, String forwardedFor) {
        return ClientAddress.resolve(remote, forwardedFor, EVERY, NONE);
    }

    @Test
    void ignoresForwardedForUnlessTrusted() {
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "1.2.3.4", NONE, NONE));
        Predicate<String> console = ClientAddress.trusting(List.of("10.0.0.1"));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", "1.2.3.4", console, console));
    }

    @Test
    void trustedProxyGivesTheLastHopNotWhatTheClientWrote() {
        assertEquals("203.0.113.9", everyPeer("10.0.0.1", "6.6.6.6, 203.0.113.9"));
        assertEquals("203.0.113.9", everyPeer("10.0.0.1", "203.0.113.9 , "));
        Predicate<String> console = ClientAddress.trusting(List.of("10.0.0.1"));
        assertEquals("203.0.113.9", ClientAddress.resolve("10.0.0.1", "6.6.6.6, 203.0.113.9", console, console));
    }

    @Test
    void trustedButNoHeaderFallsBackToThePeer() {
        assertEquals("10.0.0.1", everyPeer("10.0.0.1", null));
        assertEquals("10.0.0.1", everyPeer("10.0.0.1", " , "));
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRightToTheFirstUntrustedEntry() {
        // citizen → console (10.1.2.3) → load balancer (192.168.0.7) → result
        Predicate<String> proxies = ClientAddress.trusting(List.of("10.0.0.0/8", "192.168.0.7"));
        assertEquals("203.0.113.9", ClientAddress.resolve("192.168.0.7", "6.6.6.6, 203.0.113.9, 10.1.2.3", proxies, proxies));
        // every entry a proxy: the leftmost, never a made-up bucket
        assertEquals("10.9.9.9", ClientAddress.resolve("10.0.0.1", "10.9.9.9, 10.1.2.3", proxies, proxies));
    }

    @Test
    void rangesMatchByPrefixInBothFamiliesAndNeverByName() {
        Predicate<String> trusted = ClientAddress.trusting(List.of(" 127.0.0.1 ", "10.16.0.0/12", "::1", "fd00::/8"));
        assertTrue(trusted.test("127.0.0.1"));
        assertFalse(trusted.test("127.0.0.2"));
        assertTrue(trusted.test("10.31.255.255"));
        assertFalse(trusted.test("10.32.0.0"));
        assertTrue(trusted.test("0:0:0:0:0:0:0:1"));
        assertTrue(trusted.test("fd12:3456::1"));
        assertFalse(trusted.test("fe80::1"));
        assertFalse(trusted.test("localhost"));
        assertFalse(trusted.test("unknown"));
        assertFalse(ClientAddress.trusting(List.of()).test("127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(List.of("console.motcua.svc")));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(List.of("10.0.0.0/33")));
    }
}
