package vn.gov.camau.g.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real tokens from the real Keycloak that {@code ./camau test} started: the realm, clients and
 * demo users are those of sso/realm.
 */
public final class Keycloak {

    public static final String PASSWORD = "CaMau@2026";
    private static final String TEST_CLIENT = "camau-test";
    private static final String TEST_CLIENT_SECRET = "camau-test-secret";

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private Keycloak() {}

    /** The realm the gateway trusts, as the gateway is configured. */
    public static String realmUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    public static String serverUrl() {
        String realm = realmUrl();
        return realm.substring(0, realm.indexOf("/realms/"));
    }

    /** An access token for a demo user, as the test client gets it; reused while it has a minute left. */
    public static String accessToken(String username) {
        CachedToken cached = TOKENS.get(username);
        if (cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(60))) {
            return cached.token();
        }
        Response response = passwordGrant(realmUrl(), TEST_CLIENT, TEST_CLIENT_SECRET, username, PASSWORD);
        String token = response.path("access_token");
        int lifetime = response.path("expires_in");
        TOKENS.put(username, new CachedToken(token, Instant.now().plusSeconds(lifetime)));
        return token;
    }

    /** A fresh token, never cached: for tests that need one of their own. */
    public static String freshAccessToken(String client, String secret, String username) {
        return passwordGrant(realmUrl(), client, secret, username, PASSWORD).path("access_token");
    }

    /** A third-party app's own token (client credentials), as the sample partner client gets it. */
    public static String partnerAppToken() {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "demo-partner-app")
                .formParam("client_secret", "demo-partner-secret")
                .post(realmUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A token Keycloak really issued, but in its master realm: signed by a key the gateway does not trust. */
    public static String masterRealmAdminToken() {
        return passwordGrant(serverUrl() + "/realms/master", "admin-cli", null, "admin", "admin")
                .path("access_token");
    }

    /** A token of the right realm issued to Keycloak's own admin-cli client: its audience is not the gateway. */
    public static String tokenWithoutGatewayAudience(String username) {
        return passwordGrant(realmUrl(), "admin-cli", null, username, PASSWORD).path("access_token");
    }

    /** The realm's public signing keys (JWKS). */
    public static Map<String, Object> signingKeys() {
        return given().get(realmUrl() + "/protocol/openid-connect/certs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    private static Response passwordGrant(
            String realm, String client, String secret, String username, String password) {
        var request = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid");
        if (secret != null) {
            request.formParam("client_secret", secret);
        }
        return request.post(realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private record CachedToken(String token, Instant expiresAt) {}
}
