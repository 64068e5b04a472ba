package vn.gov.camau.g.sandbox.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real tokens from the Keycloak that {@code ./camau test} started (realm camau, sso/realm): the
 * test client's password grant for demo users (aud camau-gateway), the sample partner's client
 * credentials, and Keycloak's own admin-cli (no camau-gateway audience).
 */
public final class Keycloak {

    public static final String PASSWORD = "CaMau@2026";
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Keycloak() {}

    /** The realm the sandbox trusts, as it is configured. */
    public static String realmUrl() {
        return ConfigProvider.getConfig().getValue("camau.sandbox.issuer", String.class);
    }

    /** A demo user's token from the test client camau-test; reused while it has a minute left. */
    public static String userToken(String username) {
        return cached("user:" + username, () -> passwordGrant("camau-test", "camau-test-secret", username));
    }

    /** The sample third-party client's own token (client credentials, azp demo-partner-app). */
    public static String partnerToken() {
        return cached(
                "partner",
                () -> given().contentType(ContentType.URLENC)
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", "demo-partner-app")
                        .formParam("client_secret", "demo-partner-secret")
                        .post(realmUrl() + "/protocol/openid-connect/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .response());
    }

    /**
     * A token made for one system by RFC 8693 token exchange, as the gateway gets it: the gateway's
     * client exchanges a user's token for one whose audience is {@code audience} (app-&lt;id&gt;).
     * Empty while the realm cannot do it (no exchange-enabled camau-gateway client with the
     * development secret, or no such audience client).
     */
    public static Optional<String> exchangedToken(String username, String audience) {
        Response response = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .formParam("client_id", "camau-gateway")
                .formParam("client_secret", "camau-gateway-dev-secret")
                .formParam("subject_token", userToken(username))
                .formParam("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .formParam("requested_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .formParam("audience", audience)
                .post(realmUrl() + "/protocol/openid-connect/token");
        return response.statusCode() == 200 ? Optional.of(response.path("access_token")) : Optional.empty();
    }

    /** The platform's own client-credentials token (client camau-platform); empty while the realm has no such client. */
    public static Optional<String> platformToken() {
        Response response = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "camau-platform")
                .formParam("client_secret", "camau-platform-dev-secret")
                .post(realmUrl() + "/protocol/openid-connect/token");
        return response.statusCode() == 200 ? Optional.of(response.path("access_token")) : Optional.empty();
    }

    /** A token that lives a few seconds (the dev client camau-test-expiring). */
    public static String shortLivedToken(String username) {
        return passwordGrant("camau-test-expiring", "camau-test-expiring-secret", username)
                .path("access_token");
    }

    /** Waits until a token's {@code exp} has passed, by a margin (its lifetime is the realm's to set). */
    public static void waitUntilExpired(String token) throws InterruptedException {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        long expiresAt = JsonPath.from(payload).getLong("exp");
        long wait = expiresAt * 1000 - System.currentTimeMillis() + 1_200;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** A real token of the realm whose audience is not the gateway (Keycloak's public admin-cli). */
    public static String adminCliToken(String username) {
        return passwordGrant("admin-cli", null, username).path("access_token");
    }

    public static Map<String, Object> signingKeys() {
        return given().get(realmUrl() + "/protocol/openid-connect/certs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    private static String cached(String key, java.util.function.Supplier<Response> fetch) {
        Cached hit = TOKENS.get(key);
        if (hit != null && hit.expiresAt().isAfter(Instant.now().plusSeconds(60))) {
            return hit.token();
        }
        Response response = fetch.get();
        String token = response.path("access_token");
        int lifetime = response.path("expires_in");
        TOKENS.put(key, new Cached(token, Instant.now().plusSeconds(lifetime)));
        return token;
    }

    private static Response passwordGrant(String client, String secret, String username) {
        var request = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .formParam("scope", "openid");
        if (secret != null) {
            request.formParam("client_secret", secret);
        }
        return request.post(realmUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private record Cached(String token, Instant expiresAt) {}
}
