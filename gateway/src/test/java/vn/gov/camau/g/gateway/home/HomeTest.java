package vn.gov.camau.g.gateway.home;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Sandbox;

/** The home screen is on time whatever the systems behind it do, and says which sections suffer. */
@QuarkusTest
class HomeTest {

    private static final String HOME = "/api/v1/home";

    @AfterEach
    void heal() {
        Sandbox.heal("van-ban");
        Sandbox.heal("hop-truc-tuyen");
    }

    @Test
    void anOfficialGetsASectionFromEachOfTheirSystems() {
        Api.as("canbo.xa")
                .get(HOME)
                .then()
                .statusCode(200)
                .body("sections.system", hasItems("van-ban", "hop-truc-tuyen", "mot-cua", "quan-trac-moi-truong"))
                .body("sections.find { it.system == 'van-ban' }.status", equalTo("ok"))
                .body("sections.find { it.system == 'van-ban' }.data", notNullValue());
    }

    /** The salinity bulletin is a coded module (modules/canh-bao-man): it maps raw readings to alerts. */
    @Test
    void theCodedSalinitySectionMapsStationReadingsToAlerts() {
        Api.anonymous()
                .header("Accept-Language", "en")
                .get(HOME)
                .then()
                .statusCode(200)
                .body("sections.find { it.system == 'ban-tin-canh-bao-xam-nhap-man' }.status", equalTo("ok"))
                .body(
                        "sections.find { it.system == 'ban-tin-canh-bao-xam-nhap-man' }.title",
                        equalTo("Salinity intrusion alerts"))
                .body("sections.find { it.system == 'ban-tin-canh-bao-xam-nhap-man' }.data.danger", notNullValue())
                .body(
                        "sections.find { it.system == 'ban-tin-canh-bao-xam-nhap-man' }.data.stations[0].level",
                        org.hamcrest.Matchers.oneOf("danger", "warning", "normal"));
    }

    @Test
    void aTouristGetsOnlyPublicSections() {
        Api.anonymous()
                .get(HOME)
                .then()
                .statusCode(200)
                .body("sections.system", hasItem("quan-trac-moi-truong"))
                .body("sections.system", not(hasItem("van-ban")));
    }

    @Test
    void withOneSectionSlowAndOneFailingTheAnswerIsOnBudgetWithTheRightStatuses() {
        String user = "canbo.tinh";
        Api.as(user).get(HOME).then().statusCode(200);
        Sandbox.latency("van-ban", 3_000);
        Sandbox.failing("hop-truc-tuyen", 503);

        Response home = Api.as(user).get(HOME);
        home.then()
                .statusCode(200)
                .body("sections.find { it.system == 'van-ban' }.status", equalTo("stale"))
                .body("sections.find { it.system == 'van-ban' }.data", notNullValue())
                .body("sections.find { it.system == 'hop-truc-tuyen' }.status", equalTo("stale"))
                .body("sections.find { it.system == 'hop-truc-tuyen' }.upstreamStatus", equalTo(503))
                .body("sections.find { it.system == 'quan-trac-moi-truong' }.status", equalTo("ok"));
        long budget = home.<Number>path("budgetMs").longValue();
        assertTrue(home.time() < budget + 1_000, "home answered in " + home.time() + " ms, budget " + budget);
    }

    @Test
    void aSectionWithNoGoodValueYetIsUnavailable() {
        Sandbox.failing("van-ban", 500);
        Api.as("quantri.donvi")
                .get(HOME)
                .then()
                .statusCode(200)
                .body("sections.find { it.system == 'van-ban' }.status", equalTo("unavailable"))
                .body("sections.find { it.system == 'van-ban' }.upstreamStatus", equalTo(500));
    }

    /** canbo.huyen is not used by the other home tests: there is no last good value to fall back on. */
    @Test
    void aSectionWhoseSystemAnswersSomethingThatIsNotJsonIsNotShownAsData() {
        Sandbox.faults("van-ban", "{\"malformed\":true}");
        Api.as("canbo.huyen")
                .get(HOME)
                .then()
                .statusCode(200)
                .body("sections.find { it.system == 'van-ban' }.status", equalTo("unavailable"));
    }

    /**
     * The sandbox's summaries are stamped with when they were made, so a live home screen really
     * changes from second to second; with its system failing, the tourist's screen shows the same
     * last good values, and is then unchanged.
     */
    @Test
    void anUnchangedHomeIs304() {
        Api.anonymous().get(HOME).then().statusCode(200);
        Sandbox.failing("quan-trac-moi-truong", 500);
        try {
            String etag =
                    Api.anonymous().get(HOME).then().statusCode(200).extract().header("ETag");
            Api.anonymous().header("If-None-Match", etag).get(HOME).then().statusCode(304);
        } finally {
            Sandbox.heal("quan-trac-moi-truong");
        }
    }
}
