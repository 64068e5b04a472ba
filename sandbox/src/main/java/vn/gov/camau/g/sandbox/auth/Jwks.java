package vn.gov.camau.g.sandbox.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import vn.gov.camau.g.sandbox.systems.Systems;

/**
 * The realm's signing keys, fetched with Vert.x's non-blocking client and kept. They are fetched
 * at start (Keycloak may still be away: then on first use), again for a key id they do not hold
 * (at most once per {@code camau.sandbox.jwks-min-refresh-interval}), and never per request.
 */
@ApplicationScoped
public class Jwks {

    private static final Logger LOG = Logger.getLogger(Jwks.class);
    /** Without any keys yet, a fetch may be retried this often. */
    private static final Duration RETRY_WITHOUT_KEYS = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final Systems systems;
    private HttpClient client;

    private volatile Snapshot current;
    private Future<Snapshot> inflight;
    private Instant lastAttempt = Instant.EPOCH;

    Jwks(Vertx vertx, Systems systems) {
        this.vertx = vertx;
        this.systems = systems;
    }

    void start(@Observes StartupEvent started) {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3000));
        fetch().onFailure(away -> LOG.infof(
                "The realm's keys are not loaded yet (%s): they will be fetched on first use", away.getMessage()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (client != null) {
            client.close();
        }
    }

    /** Whether keys have been loaded (for the readiness check's data). */
    public boolean loaded() {
        return current != null;
    }

    /** The keys to verify a token signed under {@code kid} with: refreshed first when that key is unknown. */
    public Future<List<JsonWebKey>> keysFor(String kid) {
        Snapshot snapshot = current;
        if (snapshot != null && (kid == null || snapshot.has(kid))) {
            return Future.succeededFuture(snapshot.keys());
        }
        Duration interval =
                snapshot == null ? RETRY_WITHOUT_KEYS : systems.config().jwksMinRefreshInterval();
        Future<Snapshot> refreshed = fetchIfDue(interval);
        if (refreshed == null) {
            return snapshot == null
                    ? Future.failedFuture(AuthFailure.keysUnavailable())
                    : Future.succeededFuture(snapshot.keys());
        }
        return refreshed
                .map(Snapshot::keys)
                .recover(failed -> snapshot == null
                        ? Future.failedFuture(AuthFailure.keysUnavailable())
                        : Future.succeededFuture(snapshot.keys()));
    }

    private synchronized Future<Snapshot> fetchIfDue(Duration interval) {
        if (inflight != null) {
            return inflight;
        }
        if (Instant.now().isBefore(lastAttempt.plus(interval))) {
            return null;
        }
        return fetch();
    }

    private synchronized Future<Snapshot> fetch() {
        if (inflight != null) {
            return inflight;
        }
        lastAttempt = Instant.now();
        String url = systems.jwksUrl();
        Future<Snapshot> fetching = client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(url)
                        .setIdleTimeout(5000)
                        .addHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode() + " from " + url))
                .map(body -> {
                    try {
                        return new Snapshot(
                                List.copyOf(new JsonWebKeySet(body.toString()).getJsonWebKeys()), Instant.now());
                    } catch (org.jose4j.lang.JoseException unreadable) {
                        throw new IllegalStateException("Unreadable JWKS at " + url, unreadable);
                    }
                });
        inflight = fetching;
        fetching.onComplete(done -> {
            synchronized (this) {
                inflight = null;
            }
            if (done.succeeded()) {
                current = done.result();
                LOG.debugf(
                        "Loaded %d signing keys from %s", done.result().keys().size(), url);
            } else {
                LOG.warnf(
                        "Could not load the realm's keys from %s: %s",
                        url, done.cause().getMessage());
            }
        });
        return fetching;
    }

    record Snapshot(List<JsonWebKey> keys, Instant fetchedAt) {
        boolean has(String kid) {
            return keys.stream().anyMatch(key -> kid.equals(key.getKeyId()));
        }
    }
}
