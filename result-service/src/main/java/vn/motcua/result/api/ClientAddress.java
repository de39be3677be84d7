package vn.motcua.result.api;

/**
 * Which client a request comes from, for counting its misses. By default the TCP peer. Behind a trusted
 * reverse proxy, the last {@code X-Forwarded-For} entry: the address our proxy saw. Earlier entries are
 * whatever the client wrote, so trusting them would let it pick a fresh bucket for every request.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String resolve(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!hop.isEmpty()) {
                    return hop.length() > 100 ? hop.substring(0, 100) : hop;
                }
            }
        }
        return remoteAddress == null ? "unknown" : remoteAddress;
    }
}
