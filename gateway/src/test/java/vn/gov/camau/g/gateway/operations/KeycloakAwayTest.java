package vn.gov.camau.g.gateway.operations;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;

/**
 * The gateway started while Keycloak cannot be reached: it runs, but holds no realm keys to verify
 * a token with, so it says it is not ready, and why.
 */
@QuarkusTest
@TestProfile(KeycloakAwayTest.KeycloakUnreachable.class)
class KeycloakAwayTest {

    @Test
    void readinessIsDownNamingTheKeys() {
        Api.anonymous()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Realm keys' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Keycloak' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Keycloak' }.data.reachable", equalTo(false));
    }

    @Test
    void livenessStaysUpSoTheGatewayIsNotRestartedForIt() {
        Api.anonymous().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aRouteThatNeedsACallerIs503WithRetryAfter() {
        Api.withAuthorization("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .get("/api/v1/me")
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/service-unavailable"));
    }

    @Test
    void aProxiedCallThatNeedsTheKeysIs503WithRetryAfter() {
        // Well-formed enough that only the realm's key (by its kid) could judge it.
        Api.withAuthorization("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6InJlYWxtLWtleSJ9.e30.c2ln")
                .get("/api/v1/apps/quan-trac-moi-truong/api/stations")
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                .body("type", equalTo("https://g.camau.gov.vn/problems/service-unavailable"));
    }

    @Test
    void withoutATokenTheAnswerIsStill401() {
        Api.anonymous()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .body("type", equalTo("https://g.camau.gov.vn/problems/unauthorized"))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }

    public static class KeycloakUnreachable implements QuarkusTestProfile {
        /** Nothing listens on port 1 of this machine. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/camau");
        }
    }
}
