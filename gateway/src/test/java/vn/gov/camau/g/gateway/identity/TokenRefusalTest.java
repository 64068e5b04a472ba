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

/** Every way a token can be wrong ends the same way: 401, a problem, and nothing about why inside. */
@QuarkusTest
class TokenRefusalTest {

    private static final String USER = "canbo.tinh";

    @Test
    void aRealTokenIsAcceptedSoTheRefusalsBelowMeanSomething() {
        Api.withAuthorization("Bearer " + Keycloak.accessToken(USER))
                .get("/api/v1/me")
                .then()
                .statusCode(200);
    }

    @Test
    void aMalformedTokenIsRefused() {
        assertRefused(
                Api.withAuthorization("Bearer not-a-jwt").get("/api/v1/me").then());
        assertRefused(Api.withAuthorization("Bearer a.b.c").get("/api/v1/me").then());
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String forged = ForgedTokens.withTamperedSignature(Keycloak.accessToken(USER));
        assertRefused(
                Api.withAuthorization("Bearer " + forged).get("/api/v1/me").then());
    }

    @Test
    void changedClaimsUnderTheOriginalSignatureAreRefused() {
        String forged = ForgedTokens.withClaims(Keycloak.accessToken("congdan"), claims -> {
            Map<String, Object> changed = new HashMap<>(claims);
            changed.put("realm_access", Map.of("roles", java.util.List.of("platform-admin")));
            return changed;
        });
        assertRefused(
                Api.withAuthorization("Bearer " + forged).get("/api/v1/me").then());
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String forged = ForgedTokens.unsigned(Keycloak.accessToken(USER));
        assertRefused(
                Api.withAuthorization("Bearer " + forged).get("/api/v1/me").then());
    }

    @Test
    void hs256SignedWithTheRealmsPublicKeyIsRefused() {
        String forged = ForgedTokens.hs256WithPublicKey(Keycloak.accessToken(USER), Keycloak.signingKeys());
        assertRefused(
                Api.withAuthorization("Bearer " + forged).get("/api/v1/me").then());
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefusedWhateverItsKeyId() {
        String real = Keycloak.accessToken(USER);
        String realKid = (String) ForgedTokens.header(real).get("kid");
        assertRefused(Api.withAuthorization("Bearer " + ForgedTokens.signedByUnknownKey(real, realKid))
                .get("/api/v1/me")
                .then());
        assertRefused(Api.withAuthorization("Bearer " + ForgedTokens.signedByUnknownKey(real, "forged-kid"))
                .get("/api/v1/me")
                .then());
    }

    @Test
    void aTokenOfAnotherRealmIsRefused() {
        assertRefused(Api.withAuthorization("Bearer " + Keycloak.masterRealmAdminToken())
                .get("/api/v1/me")
                .then());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = Keycloak.tokenWithoutGatewayAudience(USER);
        org.junit.jupiter.api.Assertions.assertFalse(
                String.valueOf(ForgedTokens.claims(token).get("aud")).contains("camau-gateway"),
                "the admin-cli token must not be meant for the gateway");
        assertRefused(Api.withAuthorization("Bearer " + token).get("/api/v1/me").then());
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        String token = Keycloak.freshAccessToken("camau-test-expiring", "camau-test-expiring-secret", USER);
        Map<String, Object> claims = ForgedTokens.claims(token);
        long expiresAt = ((Number) claims.get("exp")).longValue();
        long waitMillis = expiresAt * 1000 - System.currentTimeMillis() + 1500;
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        assertRefused(Api.withAuthorization("Bearer " + token).get("/api/v1/me").then());
    }

    @Test
    void anOversizedAuthorizationHeaderIsRefused() {
        String huge = "Bearer " + "A".repeat(10_000);
        assertRefused(Api.withAuthorization(huge).get("/api/v1/me").then());
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
        assertRefused(Api.withAuthorization("Bearer " + token + ", Bearer " + token)
                .get("/api/v1/me")
                .then());
        assertRefused(Api.anonymous()
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token)
                .get("/api/v1/me")
                .then());
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
