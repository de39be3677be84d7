package vn.motcua.result.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.result.config.ResultConfig;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which client a request comes from, for counting its misses. The TCP peer, unless the peer is one of the
 * configured trusted proxies ({@code motcua.result.lookup.trusted-proxies}: addresses or CIDR ranges, none by
 * default), such as the console that calls the lookup for every citizen: then {@code X-Forwarded-For}, read from
 * the right, skipping the trusted proxies' own entries. Entries left of the first untrusted one are whatever the
 * client wrote; taking them would let any client pick a fresh bucket for every request, and so would trusting the
 * header from a peer that is not a configured proxy. The older switch {@code trust-forwarded-for=true} believes
 * every peer and takes the header's last entry: only where nothing reaches result but through proxies that append
 * to it (deploy/k8s, behind its ingress).
 */
@ApplicationScoped
public class ClientAddress {
    private final Predicate<String> peers;
    private final Predicate<String> proxies;

    public ClientAddress(ResultConfig config) {
        Predicate<String> listed = trusting(config.lookup().trustedProxies().orElse(List.of()));
        boolean everyPeer = config.lookup().trustForwardedFor();
        this.peers = everyPeer ? address -> true : listed;
        this.proxies = everyPeer ? address -> false : listed;
    }

    public String of(HttpServerRequest request) {
        return resolve(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader("X-Forwarded-For"), peers, proxies);
    }

    /**
     * The client: {@code remoteAddress}, unless it is one of {@code peers}; then the last entry of
     * {@code forwardedFor}, or the one before it while the entry found is one of {@code proxies}.
     */
    static String resolve(String remoteAddress, String forwardedFor, Predicate<String> peers, Predicate<String> proxies) {
        String peer = remoteAddress == null ? "unknown" : remoteAddress;
        if (forwardedFor == null || !peers.test(peer)) {
            return peer;
        }
        String client = null;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (client != null && !proxies.test(client)) {
                break;
            }
            client = hop.length() > 100 ? hop.substring(0, 100) : hop;
        }
        return client == null ? peer : client;
    }

    /** Whether an address is in one of {@code proxies} (literal addresses, or CIDR ranges such as 10.0.0.0/8). */
    static Predicate<String> trusting(List<String> proxies) {
        List<Range> ranges = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(Range::parse).toList();
        return address -> {
            byte[] bytes = literal(address);
            return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
        };
    }

    private record Range(byte[] network, int prefix) {
        static Range parse(String text) {
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("motcua.result.lookup.trusted-proxies: not an address or CIDR range: " + text);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("motcua.result.lookup.trusted-proxies: bad prefix length in " + text);
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    /** The bytes of a literal IPv4 or IPv6 address; null for anything else (never a DNS lookup). */
    private static byte[] literal(String text) {
        // a dotted quad, or anything with a colon (Java parses an IPv6 literal without asking DNS)
        if (text == null || !(text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"))) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
