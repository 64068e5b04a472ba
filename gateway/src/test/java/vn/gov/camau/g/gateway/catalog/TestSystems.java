package vn.gov.camau.g.gateway.catalog;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicInteger;
import vn.gov.camau.g.gateway.support.Api;

/**
 * Systems the tests add through the admin API, each with an id of its own, so tests never depend
 * on the sample catalog's contents or on each other.
 */
final class TestSystems {

    static final String ADMIN = "quantri";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private TestSystems() {}

    static String newId(String purpose) {
        return "test-" + purpose + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A webview system's manifest; {@code audienceJson} is the whole "audience" object. */
    static String manifest(String id, String sector, String audienceJson) {
        return """
                {"id":"%s",
                 "names":{"vi":"Hệ thống thử nghiệm %s","en":"Test system %s"},
                 "descriptions":{"vi":"Dữ liệu mẫu cho kiểm thử.","en":"Sample data for tests."},
                 "sector":"%s","ownerAgency":"CM.STTTT","level":"provincial",
                 "icon":"https://g.camau.gov.vn/icons/%s.svg",
                 "audience":%s,
                 "kind":"webview","launchUrl":"https://%s.camau.gov.vn/","sample":true}""".formatted(id, id, id, sector, id, audienceJson, id);
    }

    static String add(String id, String sector, String audienceJson) {
        Api.as(ADMIN)
                .contentType(ContentType.JSON)
                .body(manifest(id, sector, audienceJson))
                .post("/api/v1/admin/apps")
                .then()
                .statusCode(201)
                .body("id", equalTo(id));
        return id;
    }

    static void disable(String id) {
        Api.as(ADMIN).post("/api/v1/admin/apps/" + id + "/disable").then().statusCode(200);
    }
}
