package vn.gov.camau.g.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Keycloak;
import vn.gov.camau.g.gateway.support.Sandbox;

/**
 * The meetings system trusts the platform's own token, so whose meetings it answers is the agency
 * the gateway names: always the signed-in official's, from the token, whatever the caller asks.
 */
@QuarkusTest
class AgencyScopeTest {

    private static final String MEETINGS = "/api/v1/apps/hop-truc-tuyen/api/meetings";
    /** canbo.xa works at Xã Tắc Vân (sample data). */
    private static final String COMMUNE_OFFICIAL = "canbo.xa";

    private static final String COMMUNE_OFFICIALS_AGENCY = "CM.TPCM.TACVAN";
    private static final String OTHER_AGENCY = "CM.TVT";

    @Test
    void aCommuneOfficialSeesOnlyTheirAgencysMeetingsWhateverAgencyTheyAskFor() {
        List<String> own = sandboxMeetingIds(COMMUNE_OFFICIALS_AGENCY);
        List<String> other = sandboxMeetingIds(OTHER_AGENCY);
        assertThat("the sample has meetings the commune takes no part in", own, not(equalTo(other)));

        for (String query : List.of(
                "",
                "&agency=" + OTHER_AGENCY,
                "&agency=",
                "&%61gency=" + OTHER_AGENCY,
                "&agency=" + OTHER_AGENCY + "&agency=" + OTHER_AGENCY)) {
            List<String> seen = Api.as(COMMUNE_OFFICIAL)
                    .urlEncodingEnabled(false)
                    .get(MEETINGS + "?range=all&size=100" + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id", String.class);
            assertThat("asked with '" + query + "'", seen, equalTo(own));
        }
    }

    @Test
    void aMeetingOfAnotherAgencyIsNotFoundForTheCommuneOfficialEvenNamingItsHost() {
        List<String> own = sandboxMeetingIds(COMMUNE_OFFICIALS_AGENCY);
        List<String> notTheirs = new ArrayList<>(sandboxMeetingIds(null));
        notTheirs.removeAll(own);
        assertThat(notTheirs, not(empty()));
        String meeting = notTheirs.get(0);
        String host = given().auth()
                .oauth2(platformToken())
                .get(Sandbox.url() + "/hop-truc-tuyen/meetings/" + meeting)
                .then()
                .statusCode(200)
                .extract()
                .path("host.code");
        Api.as(COMMUNE_OFFICIAL)
                .get(MEETINGS + "/" + meeting + "?agency=" + host)
                .then()
                .statusCode(404);
        Api.as(COMMUNE_OFFICIAL).get(MEETINGS + "/" + own.get(0)).then().statusCode(200);
    }

    /** Today's sample meetings may involve every agency alike; the listing test above tells them apart. */
    @Test
    void theHomeSectionOfMeetingsIsTheOfficialsAgencysToo() {
        List<Object> shown = Api.as(COMMUNE_OFFICIAL)
                .get("/api/v1/home")
                .then()
                .statusCode(200)
                .extract()
                .path("sections.find { it.system == 'hop-truc-tuyen' }.data.counters.value");
        assertThat(shown, equalTo(sandboxSummaryCounters(COMMUNE_OFFICIALS_AGENCY)));
    }

    private static List<Object> sandboxSummaryCounters(String agency) {
        return given().auth()
                .oauth2(platformToken())
                .get(Sandbox.url() + "/hop-truc-tuyen/summary?agency=" + agency)
                .then()
                .statusCode(200)
                .extract()
                .path("counters.value");
    }

    @Test
    void aPlatformAdminIsNoOfficialAndReadsNoMeetings() {
        Api.as("quantri").get(MEETINGS + "?range=all").then().statusCode(403).contentType("application/problem+json");
        List<String> sections = Api.as("quantri")
                .get("/api/v1/home")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("sections.system", String.class);
        assertThat(sections, not(hasItem("hop-truc-tuyen")));
    }

    /** What the system itself answers the platform for an agency (null: every meeting). */
    private static List<String> sandboxMeetingIds(String agency) {
        return given().auth()
                .oauth2(platformToken())
                .get(Sandbox.url() + "/hop-truc-tuyen/meetings?range=all&size=100"
                        + (agency == null ? "" : "&agency=" + agency))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    private static String platformToken() {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "camau-platform")
                .formParam(
                        "client_secret",
                        ConfigProvider.getConfig().getValue("camau.keycloak.platform-client-secret", String.class))
                .post(Keycloak.realmUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
