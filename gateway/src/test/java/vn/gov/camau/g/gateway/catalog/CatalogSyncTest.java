package vn.gov.camau.g.gateway.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;

/** What a phone on a weak 4G link relies on: 304s, deltas, compression, its favourites first. */
@QuarkusTest
class CatalogSyncTest {

    private static final String APPS = "/api/v1/apps";

    @Test
    void anUnchangedCatalogIs304() {
        String etag =
                Api.as("congdan").get(APPS).then().statusCode(200).extract().header("ETag");
        Api.as("congdan")
                .header("If-None-Match", etag)
                .get(APPS)
                .then()
                .statusCode(304)
                .header("ETag", etag);
    }

    @Test
    void theETagChangesWithTheCallerAndTheLanguage() {
        String citizen = Api.as("congdan").get(APPS).header("ETag");
        String official = Api.as("canbo.xa").get(APPS).header("ETag");
        String citizenInEnglish =
                Api.as("congdan").header("Accept-Language", "en").get(APPS).header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(citizen, official);
        org.junit.jupiter.api.Assertions.assertNotEquals(citizen, citizenInEnglish);
    }

    @Test
    void aChangeMakesTheOldETagStale() {
        String etag = Api.anonymous().get(APPS).header("ETag");
        TestSystems.add(TestSystems.newId("stale"), "culture-tourism", "{\"kind\":\"public\"}");
        Api.anonymous().header("If-None-Match", etag).get(APPS).then().statusCode(200);
    }

    @Test
    void sinceReturnsOnlyWhatWasAddedChangedOrRemoved() {
        long before = Api.anonymous()
                .get(APPS)
                .then()
                .extract()
                .<Number>path("version")
                .longValue();
        String added = TestSystems.add(TestSystems.newId("delta-add"), "culture-tourism", "{\"kind\":\"public\"}");

        Response delta = Api.anonymous().queryParam("since", before).get(APPS);
        delta.then()
                .statusCode(200)
                .body("since", equalTo((int) before))
                .body("version", greaterThan((int) before))
                .body("added.id", contains(added))
                .body("changed", org.hamcrest.Matchers.empty())
                .body("removed", org.hamcrest.Matchers.empty());
        long afterAdd = delta.<Number>path("version").longValue();

        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestSystems.manifest(added, "health", "{\"kind\":\"public\"}"))
                .put("/api/v1/admin/apps/" + added)
                .then()
                .statusCode(200);
        Response changed = Api.anonymous().queryParam("since", afterAdd).get(APPS);
        changed.then()
                .body("added", org.hamcrest.Matchers.empty())
                .body("changed.id", contains(added))
                .body("changed[0].sector", equalTo("health"));
        long afterChange = changed.<Number>path("version").longValue();

        TestSystems.disable(added);
        Api.anonymous()
                .queryParam("since", afterChange)
                .get(APPS)
                .then()
                .body("removed", contains(added))
                .body("added", org.hamcrest.Matchers.empty());
        Api.anonymous().get(APPS).then().body("sectors.apps.flatten().id", not(hasItem(added)));
    }

    @Test
    void aSystemNarrowedAwayFromTheCallerIsRemovedForThem() {
        String id = TestSystems.add(TestSystems.newId("narrowed"), "public-services", "{\"kind\":\"citizen\"}");
        long before = Api.as("congdan")
                .get(APPS)
                .then()
                .extract()
                .<Number>path("version")
                .longValue();
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestSystems.manifest(id, "public-services", "{\"kind\":\"official\"}"))
                .put("/api/v1/admin/apps/" + id)
                .then()
                .statusCode(200);
        Api.as("congdan").queryParam("since", before).get(APPS).then().body("removed", contains(id));
        Api.as("canbo.xa").queryParam("since", before).get(APPS).then().body("changed.id", contains(id));
    }

    @Test
    void sinceZeroNamesNoSystemHiddenFromTheCaller() {
        String hidden = TestSystems.add(TestSystems.newId("hidden"), "public-services", "{\"kind\":\"official\"}");
        String gone = TestSystems.add(TestSystems.newId("gone"), "public-services", "{\"kind\":\"public\"}");
        TestSystems.disable(gone);
        String delta = Api.anonymous()
                .queryParam("since", 0)
                .get(APPS)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(delta, not(containsString(hidden)));
        assertThat(delta, not(containsString(gone)));
        assertThat(delta, not(containsString("\"van-ban\"")));
    }

    @Test
    void aSystemAlwaysHiddenFromTheCallerIsNeverNamedAsRemoved() {
        String hidden = TestSystems.add(TestSystems.newId("never-seen"), "public-services", "{\"kind\":\"official\"}");
        long after = Api.anonymous()
                .get(APPS)
                .then()
                .extract()
                .<Number>path("version")
                .longValue();
        Api.as(TestSystems.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestSystems.manifest(hidden, "health", "{\"kind\":\"official\"}"))
                .put("/api/v1/admin/apps/" + hidden)
                .then()
                .statusCode(200);
        TestSystems.disable(hidden);
        String delta = Api.anonymous()
                .queryParam("since", after)
                .get(APPS)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(delta, not(containsString(hidden)));
        Api.as("canbo.xa").queryParam("since", after).get(APPS).then().body("removed", contains(hidden));
    }

    @Test
    void aSinceThatIsNoVersionIs400() {
        for (String since : new String[] {"abc", "-1", "99999999999"}) {
            Api.anonymous()
                    .queryParam("since", since)
                    .get(APPS)
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("https://g.camau.gov.vn/problems/validation-failed"))
                    .body("errors[0].field", equalTo("since"));
        }
    }

    @Test
    void favouritesComeFirstInTheCallersOrder() {
        String first = TestSystems.add(TestSystems.newId("fav-b"), "health", "{\"kind\":\"citizen\"}");
        String second = TestSystems.add(TestSystems.newId("fav-a"), "culture-tourism", "{\"kind\":\"public\"}");
        String hidden = TestSystems.add(TestSystems.newId("fav-hidden"), "administration", "{\"kind\":\"official\"}");
        String user = "congdan2";
        String etag = Api.as(user).get("/api/v1/me/preferences").header("ETag");
        Api.as(user)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("""
                        {"language":"vi","favouriteAppIds":["%s","%s","%s"],
                         "notifications":{"dossierUpdates":true,"documentInbox":true,"meetingReminders":true,
                                          "salinityAlerts":true,"waterLevelAlerts":true,"localNews":false}}""".formatted(first, hidden, second))
                .put("/api/v1/me/preferences")
                .then()
                .statusCode(200);
        Api.as(user).get(APPS).then().statusCode(200).body("favourites.id", contains(first, second));
    }

    @Test
    void namesFollowAcceptLanguage() {
        String id = TestSystems.add(TestSystems.newId("lang"), "culture-tourism", "{\"kind\":\"public\"}");
        Api.anonymous()
                .get(APPS)
                .then()
                .body("language", equalTo("vi"))
                .body("sectors.find { it.id == 'culture-tourism' }.name", equalTo("Văn hóa, thể thao và du lịch"))
                .body("sectors.apps.flatten().find { it.id == '" + id + "' }.name", startsWith("Hệ thống thử nghiệm"));
        Api.anonymous()
                .header("Accept-Language", "en")
                .get(APPS)
                .then()
                .body("language", equalTo("en"))
                .body("sectors.find { it.id == 'culture-tourism' }.name", equalTo("Culture, sports and tourism"))
                .body("sectors.apps.flatten().find { it.id == '" + id + "' }.name", startsWith("Test system"));
    }

    @Test
    void theCatalogIsCompressedForPhonesThatAcceptIt() {
        // Not through the contract check: it would have to read the compressed bytes.
        io.restassured.RestAssured.given()
                .config(io.restassured.RestAssured.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get(APPS)
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip");
    }
}
