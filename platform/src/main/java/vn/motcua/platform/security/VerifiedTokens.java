package vn.motcua.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bearer tokens this instance has already verified, with the identity OIDC made of each, until the token expires
 * (issue 18, item 3): a counter officer's client sends the same access token for its whole lifetime (five minutes
 * in the dev realm), and checking its RS256 signature and parsing its claims again on every request was 9 % of
 * intake's CPU under load.
 * <p>What is kept is exactly what a fresh verification would give again until {@code exp}: the services verify
 * tokens locally (signature, issuer, audience, {@code typ}), without asking Keycloak whether a token was revoked,
 * so answering from memory accepts nothing a verification would refuse. The key is the whole token text: a token
 * differing in one byte is another key and goes through the full check. Only bearer access tokens are kept, never the
 * code flow's session (the console). Bounded: beyond {@code maxEntries}, expired entries go first, then all.
 */
@ApplicationScoped
public class VerifiedTokens {
    record Entry(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final boolean enabled;
    private final int maxEntries;
    private final Clock clock;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "motcua.security.verified-token-cache.enabled", defaultValue = "true")
                   boolean enabled,
                   @ConfigProperty(name = "motcua.security.verified-token-cache.max-entries", defaultValue = "10000")
                   int maxEntries) {
        this(enabled, maxEntries, Clock.systemUTC());
    }

    VerifiedTokens(boolean enabled, int maxEntries, Clock clock) {
        this.enabled = enabled;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The identity verified for exactly this token, or null when there is none or the token has expired since. */
    SecurityIdentity find(String token) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowSecond() >= entry.expiresAtSecond()) {
            entries.remove(token, entry);
            return null;
        }
        hits.incrementAndGet();
        return entry.identity();
    }

    /** Keeps the identity of a token OIDC has just verified, until {@code expiresAtSecond} (the token's exp). */
    void remember(String token, SecurityIdentity identity, long expiresAtSecond) {
        if (!enabled || expiresAtSecond <= nowSecond()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = nowSecond();
            entries.values().removeIf(e -> now >= e.expiresAtSecond());
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(identity, expiresAtSecond));
    }

    /** Requests answered from memory since start (a test and the benchmark notes read it). */
    public long hits() {
        return hits.get();
    }

    int size() {
        return entries.size();
    }

    private long nowSecond() {
        return clock.instant().getEpochSecond();
    }
}
