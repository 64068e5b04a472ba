package vn.gov.camau.g.gateway.operations;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Keycloak;
import vn.gov.camau.g.gateway.support.KeycloakRelay;

/**
 * Keycloak goes away while the gateway runs: the gateway stays ready (a load balancer keeps it in
 * service) and serves every token it can verify with the keys it holds; what needs Keycloak itself
 * (a token exchange) is 503 with Retry-After; the Keycloak check says what happened, without failing.
 */
@QuarkusTest
@TestProfile(KeycloakOutageTest.BehindARelay.class)
class KeycloakOutageTest {

    /** Well-formed, but naming a key the realm does not have: only a fresh fetch could judge it. */
    private static final String UNKNOWN_KEY_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vdC1hLXJlYWxtLWtleSJ9.e30.c2ln";

    @AfterEach
    void keycloakIsBack() {
        KeycloakRelay.restore();
    }

    @Test
    void theGatewayStaysReadyAndServesKnownTokensWhileKeycloakIsAway() throws InterruptedException {
        String citizen = Keycloak.freshAccessToken("camau-test", "camau-test-secret", "congdan");
        Api.withAuthorization("Bearer " + citizen).get("/api/v1/me").then().statusCode(200);
        Api.withAuthorization("Bearer " + citizen)
                .get("/api/v1/apps/quan-trac-moi-truong/api/stations")
                .then()
                .statusCode(200);
        Api.anonymous()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Keycloak' }.data.reachable", equalTo(true));

        KeycloakRelay.cut();
        // Past the refetch limit of the test profile, a token naming an unknown key makes the
        // gateway try Keycloak: only Keycloak could judge it, so it is 503 to retry shortly.
        Thread.sleep(1_200);
        Api.withAuthorization("Bearer " + UNKNOWN_KEY_TOKEN)
                .get("/api/v1/apps/quan-trac-moi-truong/api/stations")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue());

        Api.anonymous()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Realm keys' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Keycloak' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Keycloak' }.data.reachable", equalTo(false))
                .body("checks.find { it.name == 'Keycloak' }.data.lastFailure", notNullValue());
        Api.withAuthorization("Bearer " + citizen).get("/api/v1/me").then().statusCode(200);
        Api.withAuthorization("Bearer " + citizen)
                .get("/api/v1/apps/quan-trac-moi-truong/api/stations")
                .then()
                .statusCode(200);
        Api.withAuthorization("Bearer " + citizen)
                .get("/api/v1/apps/mot-cua/api/dossiers")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/service-unavailable"));
    }

    public static class BehindARelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camau.realm-keys.refresh-at-most-every", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakRelay.class));
        }
    }
}
