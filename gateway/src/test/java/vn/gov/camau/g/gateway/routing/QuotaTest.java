package vn.gov.camau.g.gateway.routing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Keycloak;

/**
 * A system's quota caps each application on its own, and each person within an application, so
 * neither another application nor another person of the same application loses their allowance.
 */
@QuarkusTest
class QuotaTest {

    @Test
    void anApplicationOverItsQuotaIs429WhileAnotherCallerIsNotAffected() {
        String id = "test-quota-" + Long.toString(System.nanoTime(), 36);
        Api.as("quantri")
                .contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","names":{"vi":"Hệ thống hạn mức","en":"Quota system"},
                         "sector":"land-environment","ownerAgency":"CM.STNMT","level":"provincial",
                         "audience":{"kind":"public"},"kind":"api",
                         "upstream":{"baseUrl":"${camau.sandbox.url}/quan-trac-moi-truong","auth":"api-key",
                                     "apiKey":{"header":"X-API-Key","secretRef":"camau.secrets.quan-trac-moi-truong"},
                                     "quota":{"requestsPerMinute":3}},
                         "routes":[{"method":"GET","path":"/stations"}],"sample":true}""".formatted(id))
                .post("/api/v1/admin/apps")
                .then()
                .statusCode(201);
        String partner = "Bearer " + Keycloak.partnerAppToken();
        String path = "/api/v1/apps/" + id + "/api/stations";
        for (int call = 1; call <= 3; call++) {
            Api.withAuthorization(partner).get(path).then().statusCode(200);
        }
        Api.withAuthorization(partner)
                .get(path)
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://g.camau.gov.vn/problems/quota-exceeded"))
                .body("system", equalTo(id));
        Api.anonymous().get(path).then().statusCode(200);
    }

    @Test
    void onePersonsBurstLeavesTheOtherUsersOfTheSameAppTheirShare() {
        String id = "test-quota-person-" + Long.toString(System.nanoTime(), 36);
        Api.as("quantri")
                .contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","names":{"vi":"Hệ thống hạn mức theo người","en":"Per-person quota system"},
                         "sector":"land-environment","ownerAgency":"CM.STNMT","level":"provincial",
                         "audience":{"kind":"public"},"kind":"api",
                         "upstream":{"baseUrl":"${camau.sandbox.url}/quan-trac-moi-truong","auth":"api-key",
                                     "apiKey":{"header":"X-API-Key","secretRef":"camau.secrets.quan-trac-moi-truong"},
                                     "quota":{"requestsPerMinute":10,"perPersonPerMinute":2}},
                         "routes":[{"method":"GET","path":"/stations"}],"sample":true}""".formatted(id))
                .post("/api/v1/admin/apps")
                .then()
                .statusCode(201);
        String path = "/api/v1/apps/" + id + "/api/stations";
        // Both citizens sign in through the same app (the test client), as phones share one app.
        Api.as("congdan").get(path).then().statusCode(200);
        Api.as("congdan").get(path).then().statusCode(200);
        Api.as("congdan")
                .get(path)
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://g.camau.gov.vn/problems/quota-exceeded"));
        Api.as("congdan2").get(path).then().statusCode(200);
        Api.as("congdan2").get(path).then().statusCode(200);
    }
}
