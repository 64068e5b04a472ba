package vn.gov.camau.g.gateway.catalog;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;

/** A platform admin changes the catalog live; nobody else can; a bad manifest changes nothing. */
@QuarkusTest
class AdminAppsTest {

    private static final String ADMIN_APPS = "/api/v1/admin/apps";

    @Test
    void anAddedSystemIsInTheCatalogOnTheNextRequestAndADisabledOneIsGone() {
        String id = TestSystems.newId("live");
        Api.anonymous().get("/api/v1/apps").then().body("sectors.apps.flatten().id", not(hasItem(id)));

        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestSystems.manifest(id, "culture-tourism", "{\"kind\":\"public\"}"))
                .post(ADMIN_APPS)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(ADMIN_APPS + "/" + id))
                .body("enabled", equalTo(true))
                .body("source", equalTo("admin"))
                .body("manifest.names.vi", equalTo("Hệ thống thử nghiệm " + id));
        Api.anonymous().get("/api/v1/apps").then().body("sectors.apps.flatten().id", hasItem(id));

        TestSystems.disable(id);
        Api.anonymous().get("/api/v1/apps").then().body("sectors.apps.flatten().id", not(hasItem(id)));
        Api.as(TestSystems.ADMIN)
                .get(ADMIN_APPS + "/" + id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));

        Api.as(TestSystems.ADMIN).post(ADMIN_APPS + "/" + id + "/enable").then().statusCode(200);
        Api.anonymous().get("/api/v1/apps").then().body("sectors.apps.flatten().id", hasItem(id));
    }

    @Test
    void anAddedApiSystemRoutesOnTheNextRequestAndADisabledOneNoLonger() {
        String id = TestSystems.newId("route");
        String manifest = """
                {"id":"%s","names":{"vi":"Hệ thống thử nghiệm","en":"Test system"},
                 "sector":"administration","ownerAgency":"CM.STTTT","level":"provincial",
                 "audience":{"kind":"official"},"kind":"api",
                 "upstream":{"baseUrl":"${camau.sandbox.url}/van-ban","auth":"relay","timeout":"2s"},
                 "routes":[{"method":"GET","path":"/summary"}],"sample":true}""".formatted(id);
        Api.as("canbo.xa").get("/api/v1/apps/" + id + "/api/summary").then().statusCode(404);
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(manifest)
                .post(ADMIN_APPS)
                .then()
                .statusCode(201);
        Api.as("canbo.xa")
                .get("/api/v1/apps/" + id + "/api/summary")
                .then()
                .statusCode(200)
                .body("system", equalTo("van-ban"));
        TestSystems.disable(id);
        Api.as("canbo.xa").get("/api/v1/apps/" + id + "/api/summary").then().statusCode(404);
    }

    @Test
    void everyChangeIsAuditedWithWhoAndBeforeAndAfter() {
        String id = TestSystems.add(TestSystems.newId("audit"), "health", "{\"kind\":\"citizen\"}");
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestSystems.manifest(id, "education", "{\"kind\":\"citizen\"}"))
                .put(ADMIN_APPS + "/" + id)
                .then()
                .statusCode(200)
                .body("manifest.sector", equalTo("education"));
        TestSystems.disable(id);

        Api.as(TestSystems.ADMIN)
                .get(ADMIN_APPS + "/" + id + "/audit")
                .then()
                .statusCode(200)
                .body("action", contains("create", "replace", "disable"))
                .body("actor", contains("quantri", "quantri", "quantri"))
                .body("[0].before", nullValue())
                .body("[0].after.sector", equalTo("health"))
                .body("[1].before.sector", equalTo("health"))
                .body("[1].after.sector", equalTo("education"))
                .body("[2].enabledBefore", equalTo(true))
                .body("[2].enabledAfter", equalTo(false));
    }

    @Test
    void aBadManifestIsRefusedWholeNamingTheFieldsAndChangesNothing() {
        String id = TestSystems.add(TestSystems.newId("bad"), "health", "{\"kind\":\"public\"}");
        String before = Api.as(TestSystems.ADMIN).get(ADMIN_APPS + "/" + id).asString();
        String broken = TestSystems.manifest(id, "not-a-sector", "{\"kind\":\"everyone\"}")
                .replace("\"level\":\"provincial\",", "\"level\":\"provincial\",\"colour\":\"red\",");

        Api.as(TestSystems.ADMIN)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(broken)
                .put(ADMIN_APPS + "/" + id)
                .then()
                .statusCode(400)
                .body("type", equalTo("https://g.camau.gov.vn/problems/validation-failed"))
                .body("detail", equalTo("The system manifest is invalid; nothing was changed."))
                .body("errors.field", hasItems("sector", "audience.kind", "colour"));

        assertEquals(
                before, Api.as(TestSystems.ADMIN).get(ADMIN_APPS + "/" + id).asString());
        Api.as(TestSystems.ADMIN).get(ADMIN_APPS + "/" + id + "/audit").then().body("$", hasSize(1));
    }

    @Test
    void anApiSystemWithoutRoutesOrAnApiKeyWithoutItsSecretRefIsRefused() {
        String id = TestSystems.newId("api");
        String apiWithoutUpstream = TestSystems.manifest(id, "health", "{\"kind\":\"public\"}")
                .replace("\"kind\":\"webview\"", "\"kind\":\"api\"");
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(apiWithoutUpstream)
                .post(ADMIN_APPS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("upstream", "routes"));
        Api.as(TestSystems.ADMIN).get(ADMIN_APPS + "/" + id).then().statusCode(404);
    }

    @Test
    void aWebviewOpensOnlyHttpsAndAnIconMustBeAUri() {
        String id = TestSystems.newId("unsafe");
        String manifest = TestSystems.manifest(id, "health", "{\"kind\":\"public\"}")
                .replace("\"launchUrl\":\"https://", "\"launchUrl\":\"javascript:alert(1)//")
                .replace("\"icon\":\"https://g.camau.gov.vn/icons/", "\"icon\":\"not a uri ");
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(manifest)
                .post(ADMIN_APPS)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("launchUrl", "icon"));
        Api.as(TestSystems.ADMIN).get(ADMIN_APPS + "/" + id).then().statusCode(404);
    }

    @Test
    void addingAnExistingIdIs409() {
        String id = TestSystems.add(TestSystems.newId("twice"), "health", "{\"kind\":\"public\"}");
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestSystems.manifest(id, "health", "{\"kind\":\"public\"}"))
                .post(ADMIN_APPS)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://g.camau.gov.vn/problems/conflict"));
    }

    @Test
    void aManifestWhoseIdIsNotThePathsIsRefused() {
        String id = TestSystems.add(TestSystems.newId("path"), "health", "{\"kind\":\"public\"}");
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestSystems.manifest(id + "-other", "health", "{\"kind\":\"public\"}"))
                .put(ADMIN_APPS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", contains("id"));
    }

    @Test
    void unknownSystemsAre404() {
        Api.as(TestSystems.ADMIN).get(ADMIN_APPS + "/khong-ton-tai").then().statusCode(404);
        Api.as(TestSystems.ADMIN)
                .post(ADMIN_APPS + "/khong-ton-tai/disable")
                .then()
                .statusCode(404);
        Api.as(TestSystems.ADMIN)
                .get(ADMIN_APPS + "/khong-ton-tai/audit")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyPlatformAdminsMayManageTheCatalog() {
        String manifest = TestSystems.manifest(TestSystems.newId("intruder"), "health", "{\"kind\":\"public\"}");
        for (String user : new String[] {"quantri.donvi", "canbo.tinh", "congdan"}) {
            Api.as(user)
                    .contentType(ContentType.JSON)
                    .body(manifest)
                    .post(ADMIN_APPS)
                    .then()
                    .statusCode(403)
                    .body("type", equalTo("https://g.camau.gov.vn/problems/forbidden"));
            Api.as(user).get(ADMIN_APPS).then().statusCode(403);
        }
        Api.anonymous().get(ADMIN_APPS).then().statusCode(401);
    }
}
