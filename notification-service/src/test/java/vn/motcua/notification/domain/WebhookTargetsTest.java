package vn.motcua.notification.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSRF guard of webhook targets, on a resolver the test controls (no DNS needed). */
class WebhookTargetsTest {
    private static final Map<String, String> DNS = Map.of(
            "cong.dichvucong.gov.vn", "203.162.1.10",
            "intranet.tinh.gov.vn", "10.20.0.5",
            "v6.tinh.gov.vn", "fd12:3456::1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null && !host.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException(host);
        }
        // InetAddress.getByName on a literal never asks DNS; glibc-style numeric spellings are refused earlier
        return new InetAddress[]{InetAddress.getByName(ip != null ? ip : host)};
    }

    private final WebhookTargets targets = new WebhookTargets(Set.of(), WebhookTargetsTest::resolve);

    /** The probe's addresses (issue 17) and the rest of the internal ranges, in every spelling. */
    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8180/admin", "http://localhost:5432/", "http://[::1]:8083/api/admin/read-model/replay",
            "http://0.0.0.0/", "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::]/", "http://10.0.0.1/",
            "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/", "http://[fe80::1]/", "http://intranet.tinh.gov.vn/hook", "http://v6.tinh.gov.vn/",
            "http://224.0.0.1/", "http://255.255.255.255/", "https://admin:admin@cong.dichvucong.gov.vn/hook",
            "https://token@cong.dichvucong.gov.vn/hook", "ftp://cong.dichvucong.gov.vn/", "http:///nohost",
            "http://khong-co-ten-nay.invalid/"})
    void refusesEveryInternalSpellingCredentialsAndUnresolvableHosts(String url) {
        assertTrue(targets.refusal(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cong.dichvucong.gov.vn/hook", "http://203.162.1.10:8443/x",
            "https://CONG.DICHVUCONG.GOV.VN/hook?a=b"})
    void acceptsPublicTargets(String url) {
        assertTrue(targets.refusal(url).isEmpty(), url);
    }

    @Test
    void anOperatorMayAllowNamedInternalHostsAndNothingElse() {
        WebhookTargets allowing = new WebhookTargets(Set.of("intranet.tinh.gov.vn", " 127.0.0.1 "),
                WebhookTargetsTest::resolve);
        assertTrue(allowing.refusal("http://intranet.tinh.gov.vn/hook").isEmpty());
        assertTrue(allowing.refusal("http://127.0.0.1:9000/hook").isEmpty());
        assertTrue(allowing.refusal("http://localhost:9000/hook").isPresent());
        assertTrue(allowing.refusal("http://10.20.0.5/hook").isPresent());
        assertTrue(allowing.refusal("http://user:pw@intranet.tinh.gov.vn/hook").isPresent());
    }

    /** A name that resolved outward at subscription and inward at delivery (DNS rebinding) is refused then. */
    @Test
    void theVerdictFollowsWhatTheNameResolvesToNow() {
        AtomicReference<String> answer = new AtomicReference<>("203.162.1.10");
        WebhookTargets rebinding = new WebhookTargets(Set.of(),
                host -> new InetAddress[]{InetAddress.getByName(answer.get())});
        assertTrue(rebinding.refusal("https://doi-tac.example.vn/hook").isEmpty());
        answer.set("127.0.0.1");
        assertTrue(rebinding.refusal("https://doi-tac.example.vn/hook").orElseThrow().contains("127.0.0.1"));
    }

    @Test
    void storedUrlsNeverShowCredentials() {
        assertEquals("https://cong.gov.vn/h?x=1",
                vn.motcua.notification.api.SubscriptionResource.withoutUserInfo("https://admin:admin@cong.gov.vn/h?x=1"));
        assertEquals("https://cong.gov.vn/h", vn.motcua.notification.api.SubscriptionResource.withoutUserInfo("https://cong.gov.vn/h"));
    }
}
