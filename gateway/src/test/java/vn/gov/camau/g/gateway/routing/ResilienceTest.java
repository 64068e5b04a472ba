package vn.gov.camau.g.gateway.routing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Sandbox;

/**
 * One failing or slow system must not hurt the caller or the other systems. The test profile opens
 * a breaker for 2 s (10 s in production) so recovery is seen without a long wait.
 */
@QuarkusTest
class ResilienceTest {

    @AfterEach
    void healEverything() {
        for (String system : new String[] {"dang-ky-tau-ca", "hop-truc-tuyen", "van-ban"}) {
            Sandbox.heal(system);
        }
    }

    @Test
    void theBreakerOpensAfterFailuresAnswersAtOnceWhileOpenAndClosesAfterRecovery() throws Exception {
        String path = "/api/v1/apps/dang-ky-tau-ca/api/summary";
        Api.as("canbo.huyen").get(path).then().statusCode(200);
        Sandbox.faults("dang-ky-tau-ca", "{\"errorRate\":1.0,\"errorStatus\":500,\"latencyMs\":1500}");
        int failures = 0;
        Response answer;
        do {
            answer = Api.as("canbo.huyen").get(path);
            failures++;
        } while (answer.statusCode() != 503 && failures < 10);
        answer.then()
                .statusCode(503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("https://g.camau.gov.vn/problems/upstream-unavailable"))
                .body("system", equalTo("dang-ky-tau-ca"));
        // The sandbox now takes 1.5 s to fail: answers far faster than that never reached it.
        long started = System.nanoTime();
        Api.as("canbo.huyen").get(path).then().statusCode(503);
        long openAnswerMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(openAnswerMillis < 500, "an open breaker answered in " + openAnswerMillis + " ms");
        Api.as("quantri")
                .get("/api/v1/admin/apps/dang-ky-tau-ca/health")
                .then()
                .statusCode(200)
                .body("breaker", equalTo("open"))
                .body("lastFailure", org.hamcrest.Matchers.notNullValue());
        Api.anonymous()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.find { it.name == 'Sectoral systems' }.data.'dang-ky-tau-ca'",
                        org.hamcrest.Matchers.startsWith("breaker open"));

        Sandbox.heal("dang-ky-tau-ca");
        Thread.sleep(2_200);
        Api.as("canbo.huyen").get(path).then().statusCode(200);
        Api.as("canbo.huyen").get(path).then().statusCode(200);
        Api.as("quantri").get("/api/v1/admin/apps/dang-ky-tau-ca/health").then().body("breaker", equalTo("closed"));
    }

    @Test
    void aFiveSecondSystemIsCutAtItsDeadlineWhileAnotherStaysFast() throws Exception {
        Sandbox.latency("van-ban", 5_000);
        CompletableFuture<Response> slow =
                CompletableFuture.supplyAsync(() -> Api.as("canbo.xa").get("/api/v1/apps/van-ban/api/summary"));
        Thread.sleep(200);
        long started = System.nanoTime();
        Api.as("canbo.tinh")
                .get("/api/v1/apps/hop-truc-tuyen/api/summary")
                .then()
                .statusCode(200);
        long otherMillis = (System.nanoTime() - started) / 1_000_000;

        Response cut = slow.get();
        cut.then()
                .statusCode(504)
                .body("type", equalTo("https://g.camau.gov.vn/problems/upstream-timeout"))
                .body("system", equalTo("van-ban"));
        assertTrue(cut.time() < 4_000, "the 2 s deadline cut the call at " + cut.time() + " ms");
        assertTrue(otherMillis < 1_000, "the other system took " + otherMillis + " ms meanwhile");
    }

    @Test
    void aSystemThatHangsUpWithoutAnAnswerIs502() {
        Sandbox.faults("hop-truc-tuyen", "{\"outage\":true}");
        Api.as("canbo.tinh")
                .get("/api/v1/apps/hop-truc-tuyen/api/summary")
                .then()
                .statusCode(502)
                .body("type", equalTo("https://g.camau.gov.vn/problems/upstream-error"))
                .body("system", equalTo("hop-truc-tuyen"))
                .body("upstreamStatus", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aBrokenSystemBehindTheProxyIs502WithItsStatusAndNothingElse() {
        Sandbox.failing("hop-truc-tuyen", 500);
        Api.as("canbo.tinh")
                .get("/api/v1/apps/hop-truc-tuyen/api/summary")
                .then()
                .statusCode(502)
                .body("upstreamStatus", equalTo(500))
                .body("system", equalTo("hop-truc-tuyen"))
                .time(lessThan(5_000L));
    }
}
