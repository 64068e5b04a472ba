package vn.gov.camau.g.gateway.routing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.ForgedTokens;
import vn.gov.camau.g.gateway.support.Keycloak;

/** Calls through the gateway to the sandbox twins, seen from both ends. */
@QuarkusTest
class ProxyTest {

    @Test
    void methodQueryHeadersAndATenMegabyteBodyArriveIntactAndComeBack() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024];
        new Random(2026).nextBytes(body);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));

        Response echoed = Api.as("congdan")
                .header("X-Request-Id", "proxy-test-10mb")
                .header("X-Phone-Model", "Vsmart Joy 4")
                .contentType("application/octet-stream")
                .queryParam("ma", "H12.34")
                .queryParam("ghi chu", "nộp lại")
                .body(body)
                .post("/api/v1/apps/mot-cua/api/_diag/echo");
        echoed.then()
                .statusCode(200)
                .header("X-Request-Id", "proxy-test-10mb")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/mot-cua/_diag/echo"))
                .body("query", containsString("ma=H12.34"))
                .body("body.length", equalTo(body.length))
                .body("body.sha256", equalTo(sha256))
                .body("headers.'x-phone-model'[0]", equalTo("Vsmart Joy 4"))
                .body("headers.'x-request-id'[0]", equalTo("proxy-test-10mb"))
                .body("headers.'x-forwarded-for'", notNullValue())
                .body("headers.'x-forwarded-proto'[0]", equalTo("http"));
    }

    @Test
    void aBodyOverTheSystemsLimitIs413AndNeverReachesIt() {
        Api.as("canbo.xa")
                .contentType("application/octet-stream")
                .body(new byte[65 * 1024])
                .post("/api/v1/apps/van-ban/api/_diag/echo")
                .then()
                .statusCode(413)
                .body("type", equalTo("https://g.camau.gov.vn/problems/payload-too-large"));
    }

    @Test
    void hopByHopHeadersAreRemovedBothWays() {
        Api.as("canbo.xa")
                .get("/api/v1/apps/van-ban/api/_diag/headers")
                .then()
                .statusCode(200)
                .header("X-Upstream", "van-ban")
                .header("X-Hop", nullValue())
                .header("Keep-Alive", nullValue());
        Api.as("canbo.xa")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("TE", "trailers")
                .get("/api/v1/apps/van-ban/api/_diag/echo")
                .then()
                .statusCode(200)
                .body("headers", not(org.hamcrest.Matchers.hasKey("proxy-authorization")))
                .body("headers", not(org.hamcrest.Matchers.hasKey("te")));
    }

    @Test
    void relayHandsTheSystemTheCallersOwnToken() {
        String token = Keycloak.accessToken("canbo.xa");
        Api.as("canbo.xa")
                .get("/api/v1/apps/van-ban/api/_diag/echo")
                .then()
                .statusCode(200)
                .body("authMode", equalTo("relay"))
                .body("token.sub", equalTo(ForgedTokens.claims(token).get("sub")))
                .body("token.aud", hasItem("camau-gateway"));
    }

    @Test
    void exchangeHandsTheSystemATokenForItselfForTheSamePerson() {
        String token = Keycloak.accessToken("congdan");
        Api.as("congdan")
                .get("/api/v1/apps/mot-cua/api/_diag/echo")
                .then()
                .statusCode(200)
                .body("authMode", equalTo("exchange"))
                .body("token.sub", equalTo(ForgedTokens.claims(token).get("sub")))
                .body("token.aud", hasItem("app-mot-cua"))
                .body("token.aud", not(hasItem("camau-gateway")));
    }

    @Test
    void clientCredentialsHandTheSystemThePlatformsOwnToken() {
        // Not the echo: the gateway refuses an answer that repeats the platform's token (CredentialLeakTest).
        Api.as("canbo.tinh")
                .get("/api/v1/apps/hop-truc-tuyen/api/_diag/credentials")
                .then()
                .statusCode(200)
                .body("authMode", equalTo("client-credentials"))
                .body("token.azp", equalTo("camau-platform"));
    }

    @Test
    void anApiKeySystemGetsTheKeyAndNeverTheCallersToken() {
        Api.as("congdan")
                .get("/api/v1/apps/quan-trac-moi-truong/api/_diag/credentials")
                .then()
                .statusCode(200)
                .body("authMode", equalTo("api-key"))
                .body("apiKeyMatched", equalTo(true))
                .body("token", nullValue());
        Api.anonymous()
                .get("/api/v1/apps/quan-trac-moi-truong/api/stations")
                .then()
                .statusCode(200);
    }

    @Test
    void aForgedTokenIsRefusedEvenOnAPublicSystemsRoute() {
        String forged =
                vn.gov.camau.g.gateway.support.ForgedTokens.withTamperedSignature(Keycloak.accessToken("congdan"));
        Api.withAuthorization("Bearer " + forged)
                .get("/api/v1/apps/quan-trac-moi-truong/api/stations")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("type", equalTo("https://g.camau.gov.vn/problems/invalid-token"));
        Api.withAuthorization("Bearer " + forged)
                .get("/api/v1/apps/van-ban/api/summary")
                .then()
                .statusCode(401);
    }

    @Test
    void anUndeclaredRouteIs404AndAnUnknownSystemToo() {
        Api.as("canbo.xa")
                .get("/api/v1/apps/van-ban/api/_sandbox/systems")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://g.camau.gov.vn/problems/not-found"));
        Api.as("canbo.xa").get("/api/v1/apps/khong-co-he-thong/api/x").then().statusCode(404);
    }

    @Test
    void routesAndSystemsKeepToTheirAudience() {
        Api.as("congdan").get("/api/v1/apps/van-ban/api/documents").then().statusCode(403);
        Api.anonymous().get("/api/v1/apps/van-ban/api/documents").then().statusCode(401);
        Api.as("canbo.tinh")
                .get("/api/v1/apps/dang-ky-tau-ca/api/vessels")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://g.camau.gov.vn/problems/forbidden"));
    }

    @Test
    void aRedirectToAnotherHostIsRefusedAndNotFollowed() {
        Api.as("canbo.xa")
                .queryParam("to", "http://example.invalid/steal")
                .get("/api/v1/apps/van-ban/api/_diag/redirect")
                .then()
                .statusCode(502)
                .body("type", equalTo("https://g.camau.gov.vn/problems/upstream-error"))
                .body("system", equalTo("van-ban"))
                .body("detail", not(containsString("example.invalid")));
    }

    @Test
    void theSystemsOwnErrorsAreHiddenBehindAProblemNamingIt() {
        Response answer = Api.as("canbo.xa").get("/api/v1/apps/van-ban/api/_diag/status/500");
        answer.then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("system", equalTo("van-ban"))
                .body("upstreamStatus", equalTo(500));
        Api.as("canbo.xa")
                .get("/api/v1/apps/van-ban/api/_diag/status/404")
                .then()
                .statusCode(404);
    }
}
