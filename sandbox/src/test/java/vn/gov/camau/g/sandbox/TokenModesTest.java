package vn.gov.camau.g.sandbox;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.sandbox.support.Api;
import vn.gov.camau.g.sandbox.support.Forged;
import vn.gov.camau.g.sandbox.support.Keycloak;

/**
 * Each system checks the caller as its auth mode says, with real tokens from the realm. The test
 * profile lets the exchange systems take the gateway's audience (no exchange client exists yet;
 * {@link StrictExchangeTest} shows the refusal without it) and lets the sample partner's client
 * stand in for the platform's client on hop-truc-tuyen.
 */
@QuarkusTest
class TokenModesTest {

    private static final List<String> BEARER_SYSTEMS =
            List.of("mot-cua", "van-ban", "hop-truc-tuyen", "dang-ky-tau-ca");

    @Test
    void relayTakesTheUsersOwnTokenForTheGateway() {
        Api.asUser("van-ban", "canbo.xa")
                .get("/van-ban/_diag/echo")
                .then()
                .statusCode(200)
                .body("authMode", is("relay"))
                .body("token.aud", hasItem("camau-gateway"))
                .body("token.azp", is("camau-test"))
                .body("token.sub", notNullValue());
    }

    @Test
    void exchangeSystemsTakeTheGatewayAudienceOnlyWhenTheFlagIsOn() {
        for (String system : List.of("mot-cua", "dang-ky-tau-ca")) {
            Api.asUser(system, "canbo.huyen")
                    .get("/" + system + "/_diag/echo")
                    .then()
                    .statusCode(200)
                    .body("authMode", is("exchange"))
                    .body("token.aud", hasItem("camau-gateway"));
        }
    }

    @Test
    void clientCredentialsTakesThePlatformsClientAndRefusesAUsersToken() {
        Api.asPlatform("hop-truc-tuyen")
                .get("/hop-truc-tuyen/_diag/echo")
                .then()
                .statusCode(200)
                .body("authMode", is("client-credentials"))
                .body("token.azp", is("camau-platform"));
        Api.to("hop-truc-tuyen")
                .auth()
                .oauth2(vn.gov.camau.g.sandbox.support.Keycloak.partnerToken())
                .get("/hop-truc-tuyen/_diag/echo")
                .then()
                .statusCode(401);
        Api.asUser("hop-truc-tuyen", "canbo.tinh")
                .get("/hop-truc-tuyen/summary")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", is("Bearer realm=\"hop-truc-tuyen\", error=\"invalid_token\""))
                .body("error", is("invalid_token"))
                .body("messageEn", containsString("azp camau-test"));
    }

    /** The realm has the platform's own client (camau-platform). */
    @Test
    void thePlatformsOwnClientIsAccepted() {
        java.util.Optional<String> platform = Keycloak.platformToken();
        org.junit.jupiter.api.Assertions.assertTrue(platform.isPresent(), "Keycloak refused camau-platform's token");
        Api.to("hop-truc-tuyen")
                .auth()
                .oauth2(platform.get())
                .get("/hop-truc-tuyen/_diag/echo")
                .then()
                .statusCode(200)
                .body("token.azp", is("camau-platform"));
    }

    @Test
    void apiKeyModeWantsTheKeyAndLooksAtNoToken() {
        Api.to("quan-trac-moi-truong")
                .get("/quan-trac-moi-truong/summary")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", nullValue())
                .body("error", is("invalid_api_key"))
                .body("system", is("quan-trac-moi-truong"));
        Api.to("quan-trac-moi-truong")
                .header("X-API-Key", "not-the-key")
                .get("/quan-trac-moi-truong/stations")
                .then()
                .statusCode(401);
        // A valid token is no substitute for the key.
        Api.asUser("quan-trac-moi-truong", "canbo.xa")
                .get("/quan-trac-moi-truong/stations")
                .then()
                .statusCode(401);
        Api.withKey("quan-trac-moi-truong")
                .get("/quan-trac-moi-truong/_diag/echo")
                .then()
                .statusCode(200)
                .body("authMode", is("api-key"))
                .body("token", nullValue())
                .body("headers.x-api-key", hasItem(Api.QUAN_TRAC_KEY));
    }

    @Test
    void noTokenIsA401WithABearerChallengeEverywhere() {
        for (String system : BEARER_SYSTEMS) {
            Api.to(system)
                    .get("/" + system + "/summary")
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", is("Bearer realm=\"" + system + "\""))
                    .body("error", is("unauthorized"))
                    .body("system", is(system));
        }
    }

    @Test
    void spoiledTokensAreRefused() {
        String real = Keycloak.userToken("canbo.xa");
        for (String spoiled : List.of(Forged.tamperedSignature(real), Forged.unsigned(real), "not-a-jwt")) {
            Api.to("van-ban")
                    .auth()
                    .oauth2(spoiled)
                    .get("/van-ban/_diag/echo")
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", is("Bearer realm=\"van-ban\", error=\"invalid_token\""))
                    .body("error", is("invalid_token"));
        }
    }

    @Test
    void aRealTokenForAnotherAudienceIsRefused() {
        Api.to("van-ban")
                .auth()
                .oauth2(Keycloak.adminCliToken("canbo.xa"))
                .get("/van-ban/summary")
                .then()
                .statusCode(401)
                .body("messageEn", containsString("does not contain camau-gateway"));
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        String token = Keycloak.shortLivedToken("canbo.xa");
        Keycloak.waitUntilExpired(token);
        Api.to("van-ban")
                .auth()
                .oauth2(token)
                .get("/van-ban/summary")
                .then()
                .statusCode(401)
                .body("messageEn", equalTo("The access token is not valid: expired"));
    }

    @Test
    void anAuthenticatedCallerWithoutTheRightRoleIsA403() {
        Api.asUser("van-ban", "congdan")
                .get("/van-ban/documents")
                .then()
                .statusCode(403)
                .body("error", is("forbidden"));
        Api.asUser("dang-ky-tau-ca", "canbo.tinh")
                .get("/dang-ky-tau-ca/vessels")
                .then()
                .statusCode(403);
        // The platform's administrator is no citizen and no official of the one-stop system.
        Api.asUser("mot-cua", "quantri").get("/mot-cua/dossiers").then().statusCode(403);
    }
}
