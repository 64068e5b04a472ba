package vn.gov.camau.g.gateway.preferences;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Keycloak;

/**
 * Each test works on its own demo user's preferences and starts from whatever is stored, so the
 * tests do not depend on their order: every write names the ETag it just read.
 */
@QuarkusTest
class PreferencesResourceTest {

    private static final String PATH = "/api/v1/me/preferences";
    private static final String ENGLISH_WITH_FAVOURITES = """
            {"language":"en","favouriteAppIds":["dich-vu-cong","van-ban-dieu-hanh","quan-trac-moi-truong"],
             "notifications":{"dossierUpdates":true,"documentInbox":false,"meetingReminders":true,
                              "salinityAlerts":true,"waterLevelAlerts":false,"localNews":true}}""";
    private static final String VIETNAMESE_NO_FAVOURITES = """
            {"language":"vi","favouriteAppIds":[],
             "notifications":{"dossierUpdates":true,"documentInbox":true,"meetingReminders":true,
                              "salinityAlerts":true,"waterLevelAlerts":true,"localNews":false}}""";

    /** canbo.tinh is never written by these tests, and ./camau test starts from an empty database. */
    @Test
    void aNewUserReadsTheDefaultsAtVersionZero() {
        read("canbo.tinh")
                .then()
                .header("ETag", "\"0\"")
                .body("language", equalTo("vi"))
                .body("favouriteAppIds", empty())
                .body("notifications.dossierUpdates", equalTo(true))
                .body("notifications.salinityAlerts", equalTo(true))
                .body("notifications.localNews", equalTo(false))
                .body("updatedAt", nullValue());
    }

    @Test
    void preferencesRoundTripAndTheETagMoves() {
        String user = "canbo.xa";
        String before = read(user).header("ETag");
        String written = replace(user, before, ENGLISH_WITH_FAVOURITES)
                .then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("updatedAt", notNullValue())
                .extract()
                .header("ETag");
        assertNotEquals(before, written);

        read(user)
                .then()
                .header("ETag", written)
                .body("language", equalTo("en"))
                .body("favouriteAppIds", contains("dich-vu-cong", "van-ban-dieu-hanh", "quan-trac-moi-truong"))
                .body("notifications.documentInbox", equalTo(false))
                .body("notifications.localNews", equalTo(true));

        replace(user, written, VIETNAMESE_NO_FAVOURITES)
                .then()
                .statusCode(200)
                .body("language", equalTo("vi"))
                .body("favouriteAppIds", empty());
    }

    @Test
    void unchangedPreferencesAnswer304ToIfNoneMatch() {
        String etag = read("canbo.tinh").header("ETag");
        Api.as("canbo.tinh")
                .header("If-None-Match", etag)
                .get(PATH)
                .then()
                .statusCode(304)
                .header("ETag", etag);
    }

    @Test
    void aWriteWithoutIfMatchIs428AndChangesNothing() {
        String user = "canbo.tinh";
        Response before = read(user);
        Api.as(user)
                .contentType(ContentType.JSON)
                .body(ENGLISH_WITH_FAVOURITES)
                .put(PATH)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/precondition-required"));
        assertUnchanged(user, before);
    }

    @Test
    void aWriteFromAStaleETagIs412AndChangesNothing() {
        String user = "quantri";
        String first = read(user).header("ETag");
        String second = replace(user, first, ENGLISH_WITH_FAVOURITES)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Response before = read(user);
        replace(user, first, VIETNAMESE_NO_FAVOURITES)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/precondition-failed"));
        assertUnchanged(user, before);
        replace(user, second, VIETNAMESE_NO_FAVOURITES).then().statusCode(200);
    }

    /** quantri.donvi is written by no other test: on ./camau test's fresh database both race to insert. */
    @Test
    void twoPhonesRacingTheFirstSaveGetExactlyOne200AndOne412() throws Exception {
        assertOneWinsOneIs412("quantri.donvi");
    }

    @Test
    void twoPhonesRacingAnUpdateGetExactlyOne200AndOne412() throws Exception {
        String user = "quantri";
        replace(user, read(user).header("ETag"), VIETNAMESE_NO_FAVOURITES)
                .then()
                .statusCode(200);
        for (int round = 0; round < 5; round++) {
            assertOneWinsOneIs412(user);
        }
    }

    private static void assertOneWinsOneIs412(String user) throws Exception {
        String etag = read(user).header("ETag");
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> phones = new ArrayList<>();
        for (String body : List.of(ENGLISH_WITH_FAVOURITES, VIETNAMESE_NO_FAVOURITES)) {
            phones.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception interrupted) {
                    throw new IllegalStateException(interrupted);
                }
                return replace(user, etag, body).statusCode();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> phone : phones) {
            statuses.add(phone.get());
        }
        org.hamcrest.MatcherAssert.assertThat(statuses, containsInAnyOrder(200, 412));
    }

    @Test
    void aRetriedWriteWithTheSameIdempotencyKeyIsReplayedNotRepeated() {
        String user = "congdan";
        String etag = read(user).header("ETag");
        String key = "phone-retry-" + System.nanoTime();
        Response first = replaceWithKey(user, etag, key, ENGLISH_WITH_FAVOURITES);
        first.then().statusCode(200);
        Response retry = replaceWithKey(user, etag, key, ENGLISH_WITH_FAVOURITES);
        retry.then()
                .statusCode(200)
                .header("Idempotency-Replayed", "true")
                .header("ETag", first.header("ETag"))
                .body("updatedAt", equalTo(first.path("updatedAt")));
        read(user).then().header("ETag", first.header("ETag"));

        replaceWithKey(user, first.header("ETag"), key, VIETNAMESE_NO_FAVOURITES)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://g.camau.gov.vn/problems/idempotency-key-reused"));
        read(user).then().header("ETag", first.header("ETag")).body("language", equalTo("en"));
    }

    @Test
    void malformedJsonIs400AndChangesNothing() {
        assertRefusedAndUnchanged("{\"language\":", 400, "malformed-json", null);
        assertRefusedAndUnchanged("{\"language\":\"vi\"} trailing", 400, "malformed-json", null);
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        assertRefusedAndUnchanged(ENGLISH_WITH_FAVOURITES.replace("\"en\"", "5"), 400, "validation-failed", "language");
        assertRefusedAndUnchanged(
                ENGLISH_WITH_FAVOURITES.replace("\"localNews\":true", "\"localNews\":\"yes\""),
                400,
                "validation-failed",
                "notifications.localNews");
        assertRefusedAndUnchanged(
                ENGLISH_WITH_FAVOURITES.replace("\"language\":\"en\"", "\"language\":\"en\",\"theme\":\"dark\""),
                400,
                "validation-failed",
                "theme");
    }

    @Test
    void anUnknownLanguageIs400NamingTheField() {
        assertRefusedAndUnchanged(
                ENGLISH_WITH_FAVOURITES.replace("\"en\"", "\"fr\""), 400, "validation-failed", "language");
    }

    @Test
    void fiftyOneFavouritesAre400AndFiftyAreFine() {
        String fifty = favourites(50);
        String fiftyOne = favourites(51);
        assertRefusedAndUnchanged(fiftyOne, 400, "validation-failed", "favouriteAppIds");
        String user = "canbo.huyen";
        replace(user, read(user).header("ETag"), fifty)
                .then()
                .statusCode(200)
                .body("favouriteAppIds.size()", equalTo(50));
    }

    @Test
    void aFavouriteListedTwiceIs400NamingTheSecond() {
        assertRefusedAndUnchanged(
                ENGLISH_WITH_FAVOURITES.replace("\"quan-trac-moi-truong\"", "\"dich-vu-cong\""),
                400,
                "validation-failed",
                "favouriteAppIds[2]");
    }

    @Test
    void aTwoMegabyteBodyIs413AndChangesNothing() {
        String huge = "{\"language\":\"" + "v".repeat(2 * 1024 * 1024) + "\"}";
        assertRefusedAndUnchanged(huge, 413, "payload-too-large", null);
    }

    /** rest-assured always sends a length, so this phone is a plain JDK client streaming its body. */
    @Test
    void aChunkedBodyWithoutALengthIs411AndChangesNothing() throws Exception {
        String user = "congdan2";
        Response before = read(user);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + PATH))
                .header("Authorization", "Bearer " + Keycloak.accessToken(user))
                .header("If-Match", before.header("ETag"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(ENGLISH_WITH_FAVOURITES.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> refused = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(411, refused.statusCode());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElseThrow());
        org.hamcrest.MatcherAssert.assertThat(
                refused.body(), org.hamcrest.Matchers.containsString("/problems/length-required"));
        assertUnchanged(user, before);
    }

    @Test
    void aMissingBodyIs400NamingTheWholeDocument() {
        assertRefusedAndUnchanged("", 400, "validation-failed", "$");
    }

    @Test
    void aRetryEchoingAnotherUpdatedAtIsStillTheSameRequest() {
        String user = "canbo.huyen";
        String etag = read(user).header("ETag");
        String key = "echo-updated-at-" + System.nanoTime();
        Response first = replaceWithKey(user, etag, key, VIETNAMESE_NO_FAVOURITES);
        first.then().statusCode(200);
        String echoed = VIETNAMESE_NO_FAVOURITES.replace(
                "\"language\":\"vi\"", "\"language\":\"vi\",\"updatedAt\":\"2026-01-01T00:00:00Z\"");
        replaceWithKey(user, etag, key, echoed)
                .then()
                .statusCode(200)
                .header("Idempotency-Replayed", "true")
                .header("ETag", first.header("ETag"));
    }

    @Test
    void anotherMediaTypeIs415() {
        String user = "congdan2";
        Api.as(user)
                .header("If-Match", read(user).header("ETag"))
                .contentType("application/xml")
                .body("<language>vi</language>")
                .put(PATH)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/unsupported-media-type"));
    }

    @Test
    void oneUsersWriteNeverTouchesAnothers() {
        Response citizenBefore = read("congdan2");
        String official = "canbo.xa";
        replace(official, read(official).header("ETag"), ENGLISH_WITH_FAVOURITES)
                .then()
                .statusCode(200);
        assertUnchanged("congdan2", citizenBefore);
    }

    private static void assertRefusedAndUnchanged(String body, int status, String type, String field) {
        String user = "congdan2";
        Response before = read(user);
        var refused = replace(user, before.header("ETag"), body)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/" + type))
                .body("status", equalTo(status));
        if (field != null) {
            refused.body("errors.field", hasItem(field));
        }
        assertUnchanged(user, before);
    }

    private static void assertUnchanged(String user, Response before) {
        Response after = read(user);
        assertEquals(before.header("ETag"), after.header("ETag"));
        assertEquals(before.asString(), after.asString());
    }

    private static Response read(String user) {
        return Api.as(user).get(PATH).then().statusCode(200).extract().response();
    }

    private static Response replace(String user, String etag, String body) {
        return Api.as(user)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(body)
                .put(PATH);
    }

    private static Response replaceWithKey(String user, String etag, String key, String body) {
        return Api.as(user)
                .header("If-Match", etag)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .put(PATH);
    }

    private static String favourites(int count) {
        String ids = String.join(
                ",",
                IntStream.rangeClosed(1, count)
                        .mapToObj(i -> "\"he-thong-" + i + "\"")
                        .toList());
        return VIETNAMESE_NO_FAVOURITES.replace("\"favouriteAppIds\":[]", "\"favouriteAppIds\":[" + ids + "]");
    }
}
