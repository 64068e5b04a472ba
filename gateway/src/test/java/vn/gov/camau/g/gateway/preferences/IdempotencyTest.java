package vn.gov.camau.g.gateway.preferences;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.idempotency.IdempotencyPurge;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.ForgedTokens;
import vn.gov.camau.g.gateway.support.Keycloak;

/** Retries from flaky phone networks: one write per key, the first answer for every retry. */
@QuarkusTest
class IdempotencyTest {

    private static final String PATH = "/api/v1/me/preferences";
    private static final String USER = "congdan2";
    private static final int RACING_PHONES = 12;
    private static final String ENGLISH = """
            {"language":"en","favouriteAppIds":["mot-cua"],
             "notifications":{"dossierUpdates":true,"documentInbox":false,"meetingReminders":true,
                              "salinityAlerts":true,"waterLevelAlerts":false,"localNews":true}}""";

    @Inject
    Pool database;

    @Inject
    IdempotencyPurge purge;

    @Test
    void retriesRacingWithOneKeyAllGetTheFirstAnswerAndOneWriteHappens() throws Exception {
        String etag = read().header("ETag");
        String key = "race-" + System.nanoTime();
        CyclicBarrier together = new CyclicBarrier(RACING_PHONES);
        List<CompletableFuture<Response>> phones = new ArrayList<>();
        for (int phone = 0; phone < RACING_PHONES; phone++) {
            phones.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception interrupted) {
                    throw new IllegalStateException(interrupted);
                }
                return replace(etag, key, ENGLISH);
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        Set<String> etags = new HashSet<>();
        for (CompletableFuture<Response> phone : phones) {
            Response answer = phone.get();
            statuses.add(answer.statusCode());
            etags.add(answer.header("ETag"));
        }
        assertThat(statuses, everyItem(equalTo(200)));
        assertThat("every phone got the same answer", etags, hasSize(1));
        String after = read().header("ETag");
        assertEquals(etags.iterator().next(), after);
        assertEquals(Long.parseLong(unquoted(etag)) + 1, Long.parseLong(unquoted(after)), "exactly one write");
    }

    @Test
    void anEmptyKeyIs400AndChangesNothing() {
        Response before = read();
        Api.as(USER)
                .header("If-Match", before.header("ETag"))
                .header("Idempotency-Key", "")
                .contentType(ContentType.JSON)
                .body(ENGLISH)
                .put(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(before.header("ETag"), read().header("ETag"));
    }

    @Test
    void ifMatchComparesEntityTagsAsStrings() {
        String etag = read().header("ETag");
        String version = unquoted(etag);
        for (String lookalike : List.of(
                "\"0" + version + "\"",
                "\"+" + version + "\"",
                "\"00" + version + "\"",
                "W/" + etag,
                "\" " + version + "\"")) {
            Api.as(USER)
                    .header("If-Match", lookalike)
                    .contentType(ContentType.JSON)
                    .body(ENGLISH)
                    .put(PATH)
                    .then()
                    .statusCode(412);
        }
        assertEquals(etag, read().header("ETag"), "no look-alike wrote anything");
        Api.as(USER)
                .header("If-Match", "\"999999\", " + etag)
                .contentType(ContentType.JSON)
                .body(ENGLISH)
                .put(PATH)
                .then()
                .statusCode(200);
    }

    @Test
    void aKeyPastItsRetentionIsForgottenAndPurged() throws Throwable {
        String subject =
                (String) ForgedTokens.claims(Keycloak.accessToken(USER)).get("sub");
        String etag = read().header("ETag");
        String key = "yesterday-" + System.nanoTime();
        Response first = replace(etag, key, ENGLISH);
        first.then().statusCode(200);
        age(subject, key, Duration.ofDays(2));

        // The same key and body, two days on: a new request, not a replay.
        Response later = replace(first.header("ETag"), key, ENGLISH);
        later.then().statusCode(200).header("Idempotency-Replayed", (String) null);
        assertNotEquals(first.header("ETag"), later.header("ETag"));

        age(subject, key, Duration.ofDays(2));
        long deleted = VertxContextSupport.subscribeAndAwait(purge::purgeExpired);
        assertThat(deleted >= 1, equalTo(true));
        assertEquals(0L, count(subject, key), "the expired record is gone");
    }

    private void age(String subject, String key, Duration by) {
        database.preparedQuery("update idempotency_records set created_at = created_at - make_interval(secs => $3)"
                        + " where subject = $1 and idempotency_key = $2")
                .execute(Tuple.of(subject, key, (double) by.toSeconds()))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private long count(String subject, String key) {
        return database.preparedQuery(
                        "select count(*) from idempotency_records where subject = $1 and idempotency_key = $2")
                .execute(Tuple.of(subject, key))
                .map(rows -> rows.iterator().next().getLong(0))
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private static Response read() {
        return Api.as(USER).get(PATH).then().statusCode(200).extract().response();
    }

    private static Response replace(String etag, String key, String body) {
        return Api.as(USER)
                .header("If-Match", etag)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .put(PATH);
    }

    private static String unquoted(String etag) {
        return etag.substring(1, etag.length() - 1);
    }
}
