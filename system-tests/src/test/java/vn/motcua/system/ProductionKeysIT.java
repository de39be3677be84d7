package vn.motcua.system;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A packaged service started like a deployment (prod profile, no MOTCUA_ALLOW_DEV_KEYS) while its PIN,
 * citizen-link and audit signing keys are still the development keys committed in the sources refuses to start, and says which
 * variables to set. The same jar runs the local stack because up.sh says MOTCUA_ALLOW_DEV_KEYS=true.
 */
class ProductionKeysIT {

    @Test
    void intakeRefusesToStartWithTheCommittedDevelopmentKeys() throws Exception {
        Path jar = Path.of("..", "intake-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), jar + " is built before the system tests");
        File log = File.createTempFile("intake-prod-keys", ".log");
        ProcessBuilder start = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=0",
                "-Dquarkus.datasource.jdbc.url=" + Stack.JDBC,
                "-Dkafka.bootstrap.servers=localhost:" + (9092 + Stack.PORT_OFFSET),
                "-Dquarkus.oidc.auth-server-url=" + Stack.KEYCLOAK + "/realms/motcua",
                "-Dmotcua.outbox.relay-enabled=false",
                "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log);
        start.environment().remove("MOTCUA_ALLOW_DEV_KEYS");
        start.environment().keySet().removeIf(name -> name.startsWith("MOTCUA_INTAKE_") || name.startsWith("MOTCUA_AUDIT_"));
        Process intake = start.start();
        try {
            assertTrue(intake.waitFor(180, TimeUnit.SECONDS), "intake should have stopped by itself");
            String output = Files.readString(log.toPath());
            assertNotEquals(0, intake.exitValue(), output);
            assertTrue(output.contains("refusing to start with the development keys"), output);
            assertTrue(output.contains("MOTCUA_INTAKE_PIN_KEY") && output.contains("MOTCUA_INTAKE_CITIZEN_LINK_KEY")
                    && output.contains("MOTCUA_AUDIT_SIGNING_KEY"), output);
        } finally {
            intake.destroyForcibly();
            Files.deleteIfExists(log.toPath());
        }
    }
}
