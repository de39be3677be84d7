package vn.motcua.platform.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The relay thread off, so a test drives relay passes itself. */
public class RelayByHandProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("motcua.outbox.relay-enabled", "false");
    }
}
