package vn.gov.camau.g.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.sandbox.support.Api;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;

/** Faults are switched at run time through /_sandbox and apply to every call of that system only. */
@QuarkusTest
class FaultsTest {

    @AfterEach
    void resetAll() {
        for (SandboxSystem system : SandboxSystem.values()) {
            given().delete("/_sandbox/systems/" + system.id() + "/faults")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void theSystemsAreListedWithTheirAuthAndNoFaults() {
        given().get("/_sandbox/systems")
                .then()
                .statusCode(200)
                .body(
                        "systems.id",
                        contains("mot-cua", "van-ban", "hop-truc-tuyen", "quan-trac-moi-truong", "dang-ky-tau-ca"))
                .body("systems.auth.mode", contains("exchange", "relay", "client-credentials", "api-key", "exchange"))
                .body("systems.faults.latencyMs", contains(0, 0, 0, 0, 0))
                .body("latencyProfile", is("none"));
    }

    @Test
    void anErrorRateFailsThatShareOfCallsStartingWithTheFirst() {
        faults("quan-trac-moi-truong", "{\"errorRate\": 0.5, \"errorStatus\": 503}")
                .body("faults.errorRate", is(0.5f));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(Api.withKey("quan-trac-moi-truong")
                    .get("/quan-trac-moi-truong/summary")
                    .then()
                    .extract()
                    .statusCode());
        }
        assertThat(statuses, contains(503, 200, 503, 200));
        Api.withKey("quan-trac-moi-truong")
                .get("/quan-trac-moi-truong/stations")
                .then()
                .statusCode(503)
                .header("Retry-After", is("1"))
                .body("error", is("fault_injected"));
        // Other systems are untouched.
        Api.asUser("van-ban", "canbo.xa").get("/van-ban/summary").then().statusCode(200);
    }

    @Test
    void latencyIsAddedToEveryCall() {
        faults("van-ban", "{\"latencyMs\": 300}");
        long started = System.nanoTime();
        Api.asUser("van-ban", "canbo.xa").get("/van-ban/_diag/echo").then().statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000, greaterThanOrEqualTo(300L));
    }

    @Test
    void anOutageClosesTheConnectionWithoutAnAnswer() {
        faults("hop-truc-tuyen", "{\"outage\": true}");
        assertThrows(Exception.class, () -> Api.asPlatform("hop-truc-tuyen").get("/hop-truc-tuyen/summary"));
        given().delete("/_sandbox/systems/hop-truc-tuyen/faults").then().statusCode(200);
        Api.asPlatform("hop-truc-tuyen").get("/hop-truc-tuyen/summary").then().statusCode(200);
    }

    @Test
    void malformedAnswers200WithABodyThatIsNotJson() {
        faults("mot-cua", "{\"malformed\": true}");
        String body = given().auth()
                .oauth2(vn.gov.camau.g.sandbox.support.Keycloak.userToken("congdan"))
                .get("/mot-cua/summary")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .asString();
        assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(body));
    }

    @Test
    void eachSystemsContractIsServedAsCommitted() {
        for (SandboxSystem system : SandboxSystem.values()) {
            String served = given().get("/_sandbox/systems/" + system.id() + "/contract")
                    .then()
                    .statusCode(200)
                    .contentType("application/yaml")
                    .extract()
                    .asString();
            assertThat(served, is(vn.gov.camau.g.sandbox.support.Contracts.text(system.id())));
        }
    }

    @Test
    void badSettingsAndUnknownSystemsAreRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"errorRate\": 1.5}")
                .put("/_sandbox/systems/van-ban/faults")
                .then()
                .statusCode(400)
                .body("error", is("bad_request"));
        given().contentType(ContentType.JSON)
                .body("{\"latency\": 5}")
                .put("/_sandbox/systems/van-ban/faults")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{}")
                .put("/_sandbox/systems/khong-co/faults")
                .then()
                .statusCode(404)
                .body("error", is("not_found"));
    }

    private static io.restassured.response.ValidatableResponse faults(String system, String json) {
        return given().contentType(ContentType.JSON)
                .body(json)
                .put("/_sandbox/systems/" + system + "/faults")
                .then()
                .statusCode(200);
    }
}
