package vn.gov.camau.g.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.sandbox.support.Api;
import vn.gov.camau.g.sandbox.support.Keycloak;

/** With the default settings an exchange system takes only tokens made for it: a relayed gateway token is refused. */
@QuarkusTest
@TestProfile(StrictExchangeTest.Strict.class)
class StrictExchangeTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "camau.sandbox.systems.\"mot-cua\".accept-gateway-audience", "false",
                    "camau.sandbox.systems.\"dang-ky-tau-ca\".accept-gateway-audience", "false");
        }
    }

    @Test
    void aGatewayTokenIsNotATokenForTheSystem() {
        for (String system : new String[] {"mot-cua", "dang-ky-tau-ca"}) {
            Api.asUser(system, "canbo.huyen")
                    .get("/" + system + "/_diag/echo")
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", is("Bearer realm=\"" + system + "\", error=\"invalid_token\""))
                    .body("error", is("invalid_token"))
                    .body("messageEn", containsString("does not contain app-" + system));
        }
        given().get("/_sandbox/systems/mot-cua").then().statusCode(200).body("auth.acceptGatewayAudience", is(false));
    }

    /** The realm (sso/realm) lets camau-gateway exchange a caller's token for app-mot-cua. */
    @Test
    void aTokenExchangedForTheSystemIsAcceptedThereOnly() {
        Optional<String> exchanged = Keycloak.exchangedToken("canbo.huyen", "app-mot-cua");
        org.junit.jupiter.api.Assertions.assertTrue(
                exchanged.isPresent(), "Keycloak refused to exchange for app-mot-cua");
        Api.to("mot-cua")
                .auth()
                .oauth2(exchanged.get())
                .get("/mot-cua/_diag/echo")
                .then()
                .statusCode(200)
                .body("token.aud", hasItem("app-mot-cua"))
                .body("token.azp", is("camau-gateway"));
        Api.to("mot-cua")
                .auth()
                .oauth2(exchanged.get())
                .get("/mot-cua/dossiers")
                .then()
                .statusCode(200);
        Api.to("dang-ky-tau-ca")
                .auth()
                .oauth2(exchanged.get())
                .get("/dang-ky-tau-ca/summary")
                .then()
                .statusCode(401);
    }
}
