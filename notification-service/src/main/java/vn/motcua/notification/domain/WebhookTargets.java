package vn.motcua.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.notification.config.NotificationConfig;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a webhook may point (SSRF guard, docs/SECURITY.md). A subscription's URL is refused when it carries
 * credentials, or when its host — in whatever spelling: a name, dotted, decimal ({@code 2130706433}), hex
 * ({@code 0x7f000001}), octal, IPv6, IPv4-mapped IPv6 — resolves to an address inside the operator's own network:
 * loopback, unspecified, link-local, private (RFC 1918, IPv6 unique-local), shared (RFC 6598) or multicast. The check
 * runs when the subscription is created and again before every delivery, so a name that later resolves inward (DNS
 * rebinding) is not followed either. An operator may allow named internal hosts
 * ({@code motcua.notification.webhook.internal-hosts}); nothing is allowed by default.
 */
@ApplicationScoped
public class WebhookTargets {
    /** Hosts a resolver may read as a number although they are not a dotted quad: {@code 2130706433}, {@code 0x7f.1}. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** Resolves a host name to all its addresses (a seam for tests; production asks the system's resolver). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> internalHosts;
    private final Resolver resolver;

    @Inject
    public WebhookTargets(NotificationConfig config) {
        this(config.webhook().internalHosts().orElse(Set.of()), InetAddress::getAllByName);
    }

    WebhookTargets(Set<String> internalHosts, Resolver resolver) {
        this.internalHosts = internalHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Why {@code url} may not be a webhook target (a sentence for the caller), or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("Không phải địa chỉ URL hợp lệ.");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getRawAuthority() == null) {
            return Optional.of("Phải là địa chỉ http(s) đầy đủ.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            return Optional.of("Không được chứa tên đăng nhập hay mật khẩu; xác thực bằng chữ ký của webhook.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("Phải là địa chỉ http(s) đầy đủ.");
        }
        host = host.toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (internalHosts.contains(host) || internalHosts.contains(bare)) {
            return Optional.empty();
        }
        if (NUMERIC_HOST.matcher(bare).matches() && !DOTTED_QUAD.matcher(bare).matches()) {
            return Optional.of("Địa chỉ IP phải viết dạng bốn số thập phân (a.b.c.d).");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of("Không phân giải được tên máy " + host + ".");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("Địa chỉ " + host + " trỏ vào mạng nội bộ (" + address.getHostAddress()
                        + "); chỉ nhận địa chỉ công cộng hoặc máy được cho phép trong cấu hình.");
            }
        }
        return Optional.empty();
    }

    /** True for any address of the operator's own network, or one no public service can have. */
    static boolean internal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                return internal(embedded);
            }
            return v6.isAnyLocalAddress() || v6.isLoopbackAddress() || v6.isLinkLocalAddress()
                    || v6.isSiteLocalAddress() || v6.isMulticastAddress()
                    || (b[0] & 0xfe) == 0xfc;                       // fc00::/7 unique local
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || first == 0                                       // 0.0.0.0/8 "this network"
                || (first == 100 && second >= 64 && second < 128)   // 100.64.0.0/10 shared (carrier-grade NAT)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                || first >= 240;                                    // reserved and broadcast
    }

    /** The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}) or IPv4-compatible ({@code ::a.b.c.d}) one. */
    private static InetAddress embeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return null;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && ((b[12] | b[13] | b[14]) != 0 || (b[15] & 0xff) > 1);
        if (!mapped && !compatible) {
            return null;
        }
        try {
            return Inet4Address.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
