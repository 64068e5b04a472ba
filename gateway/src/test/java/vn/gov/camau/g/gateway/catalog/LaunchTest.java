package vn.gov.camau.g.gateway.catalog;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.ForgedTokens;
import vn.gov.camau.g.gateway.support.Keycloak;

/** Opening a system from the phone: the URL, and for systems that take one, a token meant for them. */
@QuarkusTest
class LaunchTest {

    @Test
    void anOfficialOpensAnExchangeSystemWithATokenForItAndForThemselves() {
        String callerToken = Keycloak.accessToken("canbo.huyen");
        String systemToken = Api.as("canbo.huyen")
                .post("/api/v1/apps/dang-ky-tau-ca/launch")
                .then()
                .statusCode(200)
                .body("launchUrl", org.hamcrest.Matchers.startsWith("https://"))
                .body("token.audience", equalTo("app-dang-ky-tau-ca"))
                .body("token.tokenType", equalTo("Bearer"))
                .extract()
                .path("token.accessToken");
        Map<String, Object> claims = ForgedTokens.claims(systemToken);
        assertEquals(ForgedTokens.claims(callerToken).get("sub"), claims.get("sub"));
        Object audience = claims.get("aud");
        List<String> audiences = audience instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(audience));
        org.hamcrest.MatcherAssert.assertThat(audiences, hasItem("app-dang-ky-tau-ca"));
        org.hamcrest.MatcherAssert.assertThat(audiences, not(hasItem("camau-gateway")));
    }

    /** Keycloak learns the new audience through its admin API when the admin adds the system. */
    @Test
    void aSystemAddedAtRunTimeWithExchangeOpensWithATokenForIt() {
        String id = TestSystems.newId("sso");
        String manifest = TestSystems.manifest(id, "administration", "{\"kind\":\"official\"}")
                .replace(
                        "\"sample\":true",
                        "\"upstream\":{\"baseUrl\":\"${camau.sandbox.url}/mot-cua\",\"auth\":\"exchange\"},\"sample\":true");
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(manifest)
                .post("/api/v1/admin/apps")
                .then()
                .statusCode(201);
        String systemToken = Api.as("canbo.tinh")
                .post("/api/v1/apps/" + id + "/launch")
                .then()
                .statusCode(200)
                .body("token.audience", equalTo("app-" + id))
                .extract()
                .path("token.accessToken");
        assertEquals(
                "app-" + id, String.valueOf(ForgedTokens.claims(systemToken).get("aud")));
    }

    @Test
    void aWebviewWithoutItsOwnAudienceOpensWithoutAToken() {
        String id = TestSystems.add(TestSystems.newId("launch"), "health", "{\"kind\":\"public\"}");
        Api.anonymous()
                .post("/api/v1/apps/" + id + "/launch")
                .then()
                .statusCode(200)
                .body("kind", equalTo("webview"))
                .body("launchUrl", equalTo("https://" + id + ".camau.gov.vn/"))
                .body("token", nullValue());
    }

    @Test
    void aSystemTheCallerMayNotOpenIs403AndWithoutATokenIs401() {
        Api.as("canbo.tinh").post("/api/v1/apps/dang-ky-tau-ca/launch").then().statusCode(403);
        Api.anonymous().post("/api/v1/apps/dang-ky-tau-ca/launch").then().statusCode(401);
    }

    @Test
    void anUnknownSystemIs404AndADirectoryEntryIs409() {
        Api.as("canbo.xa").post("/api/v1/apps/khong-ton-tai/launch").then().statusCode(404);
        String id = TestSystems.newId("directory");
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestSystems.manifest(id, "statistics", "{\"kind\":\"public\"}")
                        .replace(
                                "\"kind\":\"webview\",\"launchUrl\":\"https://" + id + ".camau.gov.vn/\"",
                                "\"kind\":\"directory-only\""))
                .post("/api/v1/admin/apps")
                .then()
                .statusCode(201);
        Api.anonymous()
                .post("/api/v1/apps/" + id + "/launch")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://g.camau.gov.vn/problems/conflict"));
    }
}
