package vn.gov.camau.g.gateway.identity;

import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.gov.camau.g.gateway.catalog.Viewer;

/**
 * Access tokens already verified, kept until they expire. A phone sends the same token for its
 * whole 5-minute life, and quarkus-oidc verifies its RS256 signature again on every request (tens
 * of microseconds and ~100 KB of garbage each time); here the first request verifies it
 * ({@link AccessTokenVerifier}) and the others find the verified caller by the whole token, as
 * Envoy's JWT filter does. What is kept is the caller derived from the claims, never a request's
 * SecurityIdentity (that one carries the request's own context).
 *
 * <p>A token stays accepted until its {@code exp} even if Keycloak rotates its key meanwhile,
 * which is what local verification already means: Keycloak is not asked about revocation.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final String CLIENT_CLAIM = "azp";

    private final AccessTokenVerifier verifier;
    private final int maxEntries;
    private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    VerifiedTokens(AccessTokenVerifier verifier, TokenCacheConfig config) {
        this.verifier = verifier;
        this.maxEntries = config.maxEntries();
    }

    /** The verified caller of a token seen before and not yet expired, or null. */
    public VerifiedToken cached(String token) {
        VerifiedToken known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.expiresAt() <= epochSeconds()) {
            verified.remove(token, known);
            return null;
        }
        return known;
    }

    /**
     * Verifies a token and remembers it. Fails as {@link AccessTokenVerifier#verify} does; completes
     * at once unless the realm's keys must be fetched.
     */
    public Future<VerifiedToken> verify(String token) {
        return verifier.verify(token).onSuccess(caller -> remember(token, caller));
    }

    private void remember(String token, VerifiedToken caller) {
        if (verified.size() >= maxEntries) {
            sweepExpired();
            if (verified.size() >= maxEntries) {
                // Full of live tokens: this one is verified on each request rather than evicting others.
                return;
            }
        }
        verified.put(token, caller);
    }

    /** At most once a second: a full map is scanned once, not on every new token. */
    private void sweepExpired() {
        long now = epochSeconds();
        long last = lastSweep.get();
        if (now == last || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        for (Iterator<VerifiedToken> entries = verified.values().iterator(); entries.hasNext(); ) {
            if (entries.next().expiresAt() <= now) {
                entries.remove();
            }
        }
    }

    private static long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /**
     * Who a verified token speaks for.
     *
     * @param client the app the token was issued to ({@code azp}); quotas count per app
     * @param expiresAt the token's {@code exp}, in epoch seconds
     */
    public record VerifiedToken(Viewer viewer, String client, long expiresAt) {}
}
