package vn.gov.camau.g.gateway.catalog;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Keycloak;

/** Who sees what: one system per audience rule, and every kind of caller. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogVisibilityTest {

    /** Made on first use: in @BeforeAll, rest-assured does not point at the test's gateway yet. */
    private boolean added;

    private static final String APPS = "/api/v1/apps";

    private String forEveryone;
    private String forCitizens;
    private String forOfficials;
    private String forCityOfficials;
    private String forAgencyAdmins;
    private String disabled;

    @org.junit.jupiter.api.BeforeEach
    void addOneSystemPerRuleOnce() {
        if (added) {
            return;
        }
        added = true;
        forEveryone = TestSystems.add(TestSystems.newId("public"), "culture-tourism", "{\"kind\":\"public\"}");
        forCitizens = TestSystems.add(TestSystems.newId("citizen"), "public-services", "{\"kind\":\"citizen\"}");
        forOfficials = TestSystems.add(TestSystems.newId("official"), "administration", "{\"kind\":\"official\"}");
        forCityOfficials = TestSystems.add(
                TestSystems.newId("city"), "land-environment", "{\"kind\":\"official\",\"agencies\":[\"CM.TPCM\"]}");
        forAgencyAdmins = TestSystems.add(
                TestSystems.newId("admins"), "administration", "{\"kind\":\"official\",\"roles\":[\"agency-admin\"]}");
        disabled = TestSystems.add(TestSystems.newId("disabled"), "health", "{\"kind\":\"public\"}");
        TestSystems.disable(disabled);
    }

    @Test
    void anonymousCallersSeePublicSystemsOnly() {
        assertSees(
                Api.anonymous(),
                List.of(forEveryone),
                List.of(forCitizens, forOfficials, forCityOfficials, forAgencyAdmins, disabled));
        Api.anonymous()
                .get(APPS)
                .then()
                .statusCode(200)
                .body("sectors.apps.flatten().audience", everyItem(equalTo("public")));
    }

    @Test
    void aThirdPartyAppsOwnTokenSeesWhatAnyoneSees() {
        assertSees(
                Api.withAuthorization("Bearer " + Keycloak.partnerAppToken()),
                List.of(forEveryone),
                List.of(forCitizens, forOfficials, forCityOfficials, forAgencyAdmins, disabled));
    }

    @Test
    void citizensSeePublicAndCitizenSystems() {
        assertSees(
                Api.as("congdan"),
                List.of(forEveryone, forCitizens),
                List.of(forOfficials, forCityOfficials, forAgencyAdmins, disabled));
    }

    @Test
    void aCommuneOfficialInTheCitySeesTheCitysSystems() {
        assertSees(
                Api.as("canbo.xa"),
                List.of(forEveryone, forCitizens, forOfficials, forCityOfficials),
                List.of(forAgencyAdmins, disabled));
    }

    @Test
    void officialsOutsideTheCityDoNotSeeTheCitysSystems() {
        assertSees(
                Api.as("canbo.huyen"),
                List.of(forEveryone, forCitizens, forOfficials),
                List.of(forCityOfficials, forAgencyAdmins, disabled));
        assertSees(Api.as("canbo.tinh"), List.of(forOfficials), List.of(forCityOfficials, forAgencyAdmins));
    }

    @Test
    void agencyAdminsSeeSystemsRestrictedToTheirRole() {
        assertSees(
                Api.as("quantri.donvi"),
                List.of(forEveryone, forCitizens, forOfficials, forAgencyAdmins),
                List.of(forCityOfficials, disabled));
    }

    @Test
    void platformAdminsSeeEverythingEnabled() {
        assertSees(
                Api.as("quantri"),
                List.of(forEveryone, forCitizens, forOfficials, forCityOfficials, forAgencyAdmins),
                List.of(disabled));
    }

    @Test
    void anInvalidTokenIsRefusedNotTakenAsAnonymous() {
        Api.withAuthorization("Bearer not.a.token")
                .get(APPS)
                .then()
                .statusCode(401)
                .body("type", equalTo("https://g.camau.gov.vn/problems/invalid-token"));
    }

    private static void assertSees(RequestSpecification caller, List<String> visible, List<String> hidden) {
        var listing = caller.get(APPS).then().statusCode(200);
        for (String id : visible) {
            listing.body("sectors.apps.flatten().id", hasItem(id));
        }
        for (String id : hidden) {
            listing.body("sectors.apps.flatten().id", not(hasItem(id)));
        }
    }
}
