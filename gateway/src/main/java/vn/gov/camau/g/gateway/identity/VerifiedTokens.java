package vn.gov.camau.g.gateway.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gov.camau.g.gateway.catalog.Viewer;
import vn.gov.camau.g.gateway.catalog.ViewerResolver;

/**
 * Access tokens already verified, kept until they expire. A phone sends the same token for its
 * whole 5-minute life, and quarkus-oidc verifies its RS256 signature again on every request (tens
 * of microseconds and ~100 KB of garbage each time); here the first request verifies it through
 * quarkus-oidc and the others find the verified caller by the whole token, as Envoy's JWT filter
 * does. What is kept is the caller derived from the claims, never the request's SecurityIdentity
 * (that one carries the request's own context).
 *
 * <p>A token stays accepted until its {@code exp} even if Keycloak rotates its key meanwhile,
 * which is what local verification already means: Keycloak is not asked about revocation.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final String CLIENT_CLAIM = "azp";

    private final TenantIdentityProvider oidc;
    private final int maxEntries;
    private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    VerifiedTokens(TenantIdentityProvider oidc, TokenCacheConfig config) {
        this.oidc = oidc;
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
     * Verifies a token (signature, issuer, audience, expiry) through quarkus-oidc and remembers it.
     * Fails as quarkus-oidc does: AuthenticationFailedException for a bad token, OIDCException
     * while the realm's keys cannot be had.
     */
    public Uni<VerifiedToken> verify(String token) {
        return oidc.authenticate(new AccessTokenCredential(token)).map(identity -> {
            JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
            VerifiedToken caller = new VerifiedToken(
                    ViewerResolver.viewerOf(identity), jwt.getClaim(CLIENT_CLAIM), jwt.getExpirationTime());
            remember(token, caller);
            return caller;
        });
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
