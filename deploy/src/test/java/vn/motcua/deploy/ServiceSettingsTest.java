package vn.motcua.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings found in the sources are the real ones (so the deployment checks can fail for the right reason). */
class ServiceSettingsTest {

    @Test
    void configMappingsAreReadWithTheirGroupsInKebabCase() {
        assertTrue(ServiceSettings.of("intake").reads("MOTCUA_INTAKE_CITIZEN_LINK_KEY"));
        assertTrue(ServiceSettings.of("notification").reads("MOTCUA_NOTIFICATION_RETRY_MAX_ATTEMPTS"));
        assertTrue(ServiceSettings.of("notification").reads("MOTCUA_NOTIFICATION_SUPERVISOR_PHONES"));
        assertTrue(ServiceSettings.of("result").reads("MOTCUA_RESULT_LOG_BOOK_ISSUER"));
        assertTrue(ServiceSettings.of("result").reads("MOTCUA_RESULT_LOOKUP_TRUST_FORWARDED_FOR"));
        assertTrue(ServiceSettings.of("routing").reads("MOTCUA_ROUTING_DEADLINES_SWEEP_EVERY"));
        for (String service : ServiceSettings.SERVICES) {
            assertTrue(ServiceSettings.of(service).reads("MOTCUA_OUTBOX_LANES"), service);
            assertTrue(ServiceSettings.of(service).reads("MOTCUA_ALLOW_DEV_KEYS"), service);
            assertTrue(ServiceSettings.of(service).reads("QUARKUS_DATASOURCE_JDBC_URL"), service);
            assertTrue(ServiceSettings.of(service).reads("KAFKA_BOOTSTRAP_SERVERS"), service);
        }
    }

    @Test
    void theConsoleIsReadFromItsOwnModuleWithoutThePlatformsSettings() {
        ServiceSettings console = ServiceSettings.of(ServiceSettings.CONSOLE);
        assertEquals("console", console.applicationName);
        assertEquals(8080, console.httpPort);
        assertTrue(console.reads("QUARKUS_REST_CLIENT_RESULT_URL"));
        assertTrue(console.reads("MOTCUA_CONSOLE_CLIENT_SECRET"));
        assertTrue(console.reads("MOTCUA_CONSOLE_PUBLIC_URL"));
        assertFalse(console.reads("QUARKUS_DATASOURCE_JDBC_URL"));
        assertFalse(console.reads("KAFKA_BOOTSTRAP_SERVERS"));
        assertTrue(ServiceSettings.of("result").reads("MOTCUA_RESULT_LOOKUP_TRUSTED_PROXIES"));
    }

    @Test
    void commentsAndStringsDoNotConfuseTheReader() {
        String source = """
                @ConfigMapping(prefix = "motcua.demo")
                public interface DemoConfig {
                    /** The endpoint, e.g. {@code http://s3.example:9000} (a brace opened before a URL in prose). */
                    String endpoint(); // trailing comment with { and //
                    /*
                     * A block comment that looks like a method:
                     * String notASetting();
                     */
                    @WithDefault("http://localhost//{x}")
                    String url();
                    S3 s3();

                    interface S3 {
                        /** Region, see https://docs.example/regions { */
                        String region();
                    }
                }
                """;
        assertEquals(java.util.Set.of("motcua.demo.endpoint", "motcua.demo.url", "motcua.demo.s3.region"),
                ServiceSettings.configMapping(source));
    }

    @Test
    void groupsAndOtherServicesSettingsAreNotSettings() {
        assertFalse(ServiceSettings.of("notification").reads("MOTCUA_NOTIFICATION_RETRY"));
        assertFalse(ServiceSettings.of("routing").reads("MOTCUA_INTAKE_PIN_KEY"));
        assertFalse(ServiceSettings.of("intake").reads("MOTCUA_SMTP_HOST"));
        assertFalse(ServiceSettings.of("intake").reads("MOTCUA_INTAKE_PINKEY"));
    }

    @Test
    void portsAndNamesComeFromApplicationProperties() {
        assertEquals(List.of(8081, 8082, 8083, 8084), ServiceSettings.SERVICES.stream().map(s -> ServiceSettings.of(s).httpPort).toList());
        assertEquals("notification-service", ServiceSettings.of("notification").applicationName);
        assertTrue(ServiceSettings.of("result").incomingTopics.contains("motcua.routing.events"));
    }
}
