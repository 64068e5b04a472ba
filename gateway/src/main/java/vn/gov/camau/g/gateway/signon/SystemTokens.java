package vn.gov.camau.g.gateway.signon;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Tokens for sectoral systems, from Keycloak's token endpoint: a caller's token exchanged for one
 * whose audience is the system (RFC 8693), or the platform's own (client credentials). Both are
 * cached until shortly before they expire, so a phone's burst of calls costs Keycloak one exchange.
 */
@ApplicationScoped
public class SystemTokens {

    private static final Logger LOG = Logger.getLogger(SystemTokens.class);
    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    /** A cached token is not handed out in its last seconds: the system must still accept it. */
    private static final long SAFETY_MARGIN_NANOS = Duration.ofSeconds(20).toNanos();

    private static final int MAX_CACHED = 50_000;

    private final SignOnConfig config;
    private final WebClient keycloak;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SystemTokens(SignOnConfig config, Vertx vertx) {
        this.config = config;
        this.keycloak = WebClient.create(vertx);
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }

    /** The Keycloak client id that is a system's audience. */
    public String audienceOf(String systemId) {
        return config.systemClientPrefix() + systemId;
    }

    /** The caller's token exchanged for one the system accepts: same person, the system as audience. */
    public Uni<IssuedToken> exchange(String subjectToken, String systemId) {
        String audience = audienceOf(systemId);
        String key = "x|" + audience + "|" + sha256(subjectToken);
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", TOKEN_EXCHANGE)
                .add("subject_token", subjectToken)
                .add("subject_token_type", ACCESS_TOKEN_TYPE)
                .add("requested_token_type", ACCESS_TOKEN_TYPE)
                .add("audience", audience);
        return cached(
                key,
                () -> request(
                        config.gatewayClientId(), config.gatewayClientSecret().orElse(null), form));
    }

    /** The platform's own token, for systems called as the platform. */
    public Uni<IssuedToken> platform() {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials");
        return cached(
                "platform",
                () -> request(
                        config.platformClientId(), config.platformClientSecret().orElse(null), form));
    }

    private Uni<IssuedToken> cached(String key, java.util.function.Supplier<Uni<IssuedToken>> fetch) {
        Cached hit = cache.get(key);
        if (hit != null && hit.usableUntil() - System.nanoTime() > 0) {
            return Uni.createFrom().item(hit.token());
        }
        return fetch.get().invoke(token -> remember(key, token));
    }

    private void remember(String key, IssuedToken token) {
        if (cache.size() >= MAX_CACHED) {
            long now = System.nanoTime();
            cache.values().removeIf(entry -> entry.usableUntil() - now <= 0);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        long lifetime = Duration.ofSeconds(token.expiresIn()).toNanos() - SAFETY_MARGIN_NANOS;
        if (lifetime > 0) {
            cache.put(key, new Cached(token, System.nanoTime() + lifetime));
        }
    }

    private Uni<IssuedToken> request(String clientId, String secret, MultiMap form) {
        if (secret == null) {
            return Uni.createFrom()
                    .failure(new SignOnRefusedException("No secret is configured for Keycloak client " + clientId, 0));
        }
        form.add("client_id", clientId).add("client_secret", secret);
        return keycloak.postAbs(config.tokenEndpoint())
                .timeout(Duration.ofSeconds(5).toMillis())
                .sendForm(form)
                .onFailure()
                .transform(unreachable ->
                        SignOnRefusedException.unreachable("Keycloak did not answer: " + unreachable.getMessage()))
                .map(this::issued);
    }

    private IssuedToken issued(HttpResponse<io.vertx.mutiny.core.buffer.Buffer> response) {
        if (response.statusCode() != 200) {
            String error = errorOf(response);
            LOG.debugf("Keycloak refused a token request: %d %s", response.statusCode(), error);
            throw new SignOnRefusedException("Keycloak refused: " + error, response.statusCode());
        }
        JsonObject body = response.bodyAsJsonObject();
        return new IssuedToken(body.getString("access_token"), body.getLong("expires_in", 60L));
    }

    private static String errorOf(HttpResponse<io.vertx.mutiny.core.buffer.Buffer> response) {
        try {
            JsonObject body = response.bodyAsJsonObject();
            return body == null ? "" : body.getString("error", "") + " " + body.getString("error_description", "");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An access token and its lifetime in seconds, as Keycloak issued it. */
    public record IssuedToken(String accessToken, long expiresIn) {}

    private record Cached(IssuedToken token, long usableUntil) {}
}
