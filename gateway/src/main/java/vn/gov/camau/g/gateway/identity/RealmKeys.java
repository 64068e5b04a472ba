package vn.gov.camau.g.gateway.identity;

import io.quarkus.oidc.OIDCException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The realm's signature keys by {@code kid}, from Keycloak's JWKS. Fetched on first need; again
 * when a token names a key not seen yet (Keycloak rotated its keys), at most once per
 * {@code camau.realm-keys.refresh-at-most-every}, so tokens with made-up key ids cannot make the gateway
 * hammer Keycloak; and in the background once they are {@link #MAX_AGE_MILLIS} old, so a key an
 * administrator removed from the realm (a leaked one) stops being trusted within that time.
 */
@ApplicationScoped
public class RealmKeys {

    private static final Logger LOG = Logger.getLogger(RealmKeys.class);
    private static final long MAX_AGE_MILLIS = 5 * 60_000;

    private final long refreshAtMostEveryMillis;
    private final String jwksUrl;
    private final WebClient client;
    private volatile Map<String, PublicKey> keys;
    private volatile long fetchedAt;
    private volatile long failedAt;
    private volatile String lastFailure;
    private Future<Void> fetching;

    RealmKeys(
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
            RealmKeysConfig config,
            Vertx vertx) {
        this.refreshAtMostEveryMillis = config.refreshAtMostEvery().toMillis();
        // Keycloak's JWKS lives at a fixed place under the realm (its discovery document says so too).
        this.jwksUrl = realmUrl + "/protocol/openid-connect/certs";
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The key, or null when the realm has none by that id (after one refresh, when allowed). */
    Future<PublicKey> key(String kid) {
        Map<String, PublicKey> known = keys;
        long now = System.currentTimeMillis();
        if (known != null && known.containsKey(kid)) {
            if (now - fetchedAt > MAX_AGE_MILLIS && now - failedAt > refreshAtMostEveryMillis) {
                // Served from the keys at hand meanwhile: a slow Keycloak never holds up a call.
                refresh();
            }
            return Future.succeededFuture(known.get(kid));
        }
        if (known != null && now - fetchedAt < refreshAtMostEveryMillis) {
            return Future.succeededFuture(null);
        }
        if (known == null && now - failedAt < refreshAtMostEveryMillis / 5) {
            // Keycloak was just found away: answer 503 at once rather than queue behind timeouts.
            return Future.failedFuture(new OIDCException("The realm's signing keys are not available"));
        }
        return refresh().map(fetched -> keys.get(kid));
    }

    /**
     * For readiness: fetches the keys when none are held yet (waiting for the answer), and starts a
     * background refresh when they are due one, so keys stay fresh even while no token arrives.
     */
    Future<Void> keepFresh() {
        long now = System.currentTimeMillis();
        if (keys == null) {
            return now - failedAt < refreshAtMostEveryMillis / 5 ? Future.succeededFuture() : refresh();
        }
        if (now - fetchedAt > MAX_AGE_MILLIS && now - failedAt > refreshAtMostEveryMillis) {
            refresh();
        }
        return Future.succeededFuture();
    }

    /** What the gateway holds of the realm's keys, and how its last contact with Keycloak went. */
    State state() {
        Map<String, PublicKey> known = keys;
        return new State(known == null ? 0 : known.size(), fetchedAt, failedAt, lastFailure);
    }

    /**
     * @param fetchedAt when the keys held were fetched (epoch ms; 0: never)
     * @param failedAt when a fetch last failed (epoch ms; 0: never)
     */
    record State(int keyCount, long fetchedAt, long failedAt, String lastFailure) {

        /** Whether the last attempt to reach Keycloak succeeded. */
        boolean keycloakReachable() {
            return fetchedAt > 0 && fetchedAt >= failedAt;
        }
    }

    /** One fetch at a time; callers arriving meanwhile wait for the same one. */
    private synchronized Future<Void> refresh() {
        if (fetching != null) {
            return fetching;
        }
        Promise<Void> done = Promise.promise();
        fetching = done.future();
        client.getAbs(jwksUrl).timeout(5_000).send().onComplete(answer -> {
            synchronized (this) {
                fetching = null;
            }
            if (answer.failed() || answer.result().statusCode() != 200) {
                String why = answer.failed()
                        ? answer.cause().getMessage()
                        : "status " + answer.result().statusCode();
                LOG.warnf("The realm's keys could not be fetched from %s: %s", jwksUrl, why);
                lastFailure = why;
                failedAt = System.currentTimeMillis();
                done.fail(new OIDCException("The realm's signing keys are not available: " + why));
                return;
            }
            try {
                keys = rsaKeys(answer.result().bodyAsString());
                fetchedAt = System.currentTimeMillis();
                done.complete();
            } catch (Exception unreadable) {
                LOG.warnf("The realm's JWKS at %s is unreadable: %s", jwksUrl, unreadable.getMessage());
                lastFailure = "unreadable JWKS";
                failedAt = System.currentTimeMillis();
                done.fail(new OIDCException("The realm's JWKS is unreadable"));
            }
        });
        return fetching;
    }

    /** Signature keys only: RSA, for "sig" (or unmarked), RS256 (or unmarked). */
    private static Map<String, PublicKey> rsaKeys(String jwks) throws Exception {
        Map<String, PublicKey> byId = new HashMap<>();
        for (JsonWebKey key : new JsonWebKeySet(jwks).getJsonWebKeys()) {
            boolean forSignatures = key.getUse() == null || "sig".equals(key.getUse());
            boolean rs256 = key.getAlgorithm() == null || "RS256".equals(key.getAlgorithm());
            if (key instanceof RsaJsonWebKey rsa && key.getKeyId() != null && forSignatures && rs256) {
                byId.put(key.getKeyId(), rsa.getRsaPublicKey());
            }
        }
        return Map.copyOf(byId);
    }
}
