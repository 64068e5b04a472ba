package vn.gov.camau.g.gateway.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.ForgedTokens;
import vn.gov.camau.g.gateway.support.Keycloak;

/**
 * Every way a token can be wrong ends the same way: 401, a problem, and nothing about why inside;
 * on the gateway's own API (quarkus-oidc on each request) and on a proxied call (the cache of
 * verified tokens in front of quarkus-oidc) alike.
 */
@QuarkusTest
class TokenRefusalTest {

    private static final String USER = "canbo.tinh";
    /** A public system's route: a bad token must be refused even where no token is needed. */
    private static final String PROXIED = "/api/v1/apps/quan-trac-moi-truong/api/stations";

    @Test
    void aRealTokenIsAcceptedSoTheRefusalsBelowMeanSomething() {
        String token = Keycloak.accessToken(USER);
        Api.withAuthorization("Bearer " + token).get("/api/v1/me").then().statusCode(200);
        Api.withAuthorization("Bearer " + token).get(PROXIED).then().statusCode(200);
    }

    @Test
    void aMalformedTokenIsRefused() {
        assertRefusedEverywhere("Bearer not-a-jwt");
        assertRefusedEverywhere("Bearer a.b.c");
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String forged = ForgedTokens.withTamperedSignature(Keycloak.accessToken(USER));
        assertRefusedEverywhere("Bearer " + forged);
    }

    @Test
    void changedClaimsUnderTheOriginalSignatureAreRefused() {
        String forged = ForgedTokens.withClaims(Keycloak.accessToken("congdan"), claims -> {
            Map<String, Object> changed = new HashMap<>(claims);
            changed.put("realm_access", Map.of("roles", java.util.List.of("platform-admin")));
            return changed;
        });
        assertRefusedEverywhere("Bearer " + forged);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String forged = ForgedTokens.unsigned(Keycloak.accessToken(USER));
        assertRefusedEverywhere("Bearer " + forged);
    }

    @Test
    void hs256SignedWithTheRealmsPublicKeyIsRefused() {
        String forged = ForgedTokens.hs256WithPublicKey(Keycloak.accessToken(USER), Keycloak.signingKeys());
        assertRefusedEverywhere("Bearer " + forged);
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefusedWhateverItsKeyId() {
        String real = Keycloak.accessToken(USER);
        String realKid = (String) ForgedTokens.header(real).get("kid");
        assertRefusedEverywhere("Bearer " + ForgedTokens.signedByUnknownKey(real, realKid));
        assertRefusedEverywhere("Bearer " + ForgedTokens.signedByUnknownKey(real, "forged-kid"));
    }

    @Test
    void aTokenOfAnotherRealmIsRefused() {
        assertRefusedEverywhere("Bearer " + Keycloak.masterRealmAdminToken());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = Keycloak.tokenWithoutGatewayAudience(USER);
        org.junit.jupiter.api.Assertions.assertFalse(
                String.valueOf(ForgedTokens.claims(token).get("aud")).contains("camau-gateway"),
                "the admin-cli token must not be meant for the gateway");
        assertRefusedEverywhere("Bearer " + token);
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        String token = Keycloak.freshAccessToken("camau-test-expiring", "camau-test-expiring-secret", USER);
        // Seen while valid, so the proxy has it among its verified tokens when it expires.
        Api.withAuthorization("Bearer " + token).get(PROXIED).then().statusCode(200);
        Map<String, Object> claims = ForgedTokens.claims(token);
        long expiresAt = ((Number) claims.get("exp")).longValue();
        long waitMillis = expiresAt * 1000 - System.currentTimeMillis() + 1500;
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        assertRefusedEverywhere("Bearer " + token);
    }

    @Test
    void anOversizedAuthorizationHeaderIsRefused() {
        String huge = "Bearer " + "A".repeat(10_000);
        assertRefusedEverywhere(huge);
    }

    @Test
    void headersBeyondWhatTheGatewayReadsAre431() {
        Api.anonymous()
                .header("Authorization", "Bearer " + "A".repeat(20_000))
                .get("/api/v1/me")
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/headers-too-large"));
    }

    @Test
    void twoBearerTokensAreRefused() {
        String token = Keycloak.accessToken(USER);
        assertRefusedEverywhere("Bearer " + token + ", Bearer " + token);
        assertRefused(Api.anonymous()
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token)
                .get("/api/v1/me")
                .then());
    }

    private static void assertRefusedEverywhere(String authorization) {
        assertRefused(Api.withAuthorization(authorization).get("/api/v1/me").then());
        assertRefused(Api.withAuthorization(authorization).get(PROXIED).then());
    }

    private static void assertRefused(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("type", equalTo("https://g.camau.gov.vn/problems/invalid-token"))
                .body("status", equalTo(401))
                .body("detail", not(containsString("Exception")))
                .body("username", org.hamcrest.Matchers.nullValue());
    }
}
