package vn.gov.camau.g.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.sandbox.support.Api;

/** The seeded sample data: its size, who sees what, and the home summaries. */
@QuarkusTest
class SampleDataTest {

    @Test
    void everySystemIsSeededToItsSize() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks[0].data.dossiers", greaterThanOrEqualTo(2000))
                .body("checks[0].data.documents", is(500))
                .body("checks[0].data.meetings", is(30))
                .body("checks[0].data.stations", is(12))
                .body("checks[0].data.vessels", is(300));
    }

    @Test
    void aCommuneOfficialSeesTheCommunesDossiersAndACitizenTheirOwn() {
        List<String> agencies = Api.asUser("mot-cua", "canbo.xa")
                .queryParam("size", 100)
                .get("/mot-cua/dossiers")
                .then()
                .statusCode(200)
                .body("sample", is(true))
                .body("total", greaterThan(0))
                .extract()
                .path("items.receivingAgency.code");
        assertThat(agencies, everyItem(is("CM.TPCM.TACVAN")));
        List<String> district = Api.asUser("mot-cua", "canbo.huyen")
                .queryParam("size", 100)
                .get("/mot-cua/dossiers")
                .then()
                .statusCode(200)
                .extract()
                .path("items.receivingAgency.code");
        assertThat(district, everyItem(startsWith("CM.TVT")));
        assertThat(district, hasItem(matchesPattern("CM\\.TVT\\..+")));

        String code = Api.asUser("mot-cua", "congdan")
                .get("/mot-cua/dossiers")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(6))
                .body("items.applicant.name", everyItem(is("Huỳnh Thị Tuyết Mai")))
                .extract()
                .path("items[0].code");
        Api.asUser("mot-cua", "congdan").get("/mot-cua/dossiers/" + code).then().statusCode(200);
        Api.asUser("mot-cua", "congdan2")
                .get("/mot-cua/dossiers/" + code)
                .then()
                .statusCode(404);
        Api.asUser("mot-cua", "congdan")
                .get("/mot-cua/summary")
                .then()
                .statusCode(200)
                .body("counters.key", hasItem("supplementRequested"))
                .body("headline.vi", not(empty()));
        Api.asUser("mot-cua", "congdan")
                .get("/mot-cua/procedures")
                .then()
                .statusCode(200)
                .body("items.size()", is(21));
    }

    @Test
    void aDossierIsSubmittedOnceUnderAnIdempotencyKey() {
        String body = "{\"procedureCode\":\"MC-017\",\"agencyCode\":\"CM.TPCM.TACVAN\","
                + "\"applicant\":{\"name\":\"Trần Văn An\",\"phone\":\"0912345678\"},"
                + "\"attachments\":[{\"name\":\"to-khai.pdf\",\"contentType\":\"application/pdf\","
                + "\"contentBase64\":\"aGVsbG8=\"}]}";
        String key = "sample-data-test-" + System.nanoTime();
        String code = Api.asUser("mot-cua", "congdan2")
                .contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/mot-cua/dossiers")
                .then()
                .statusCode(201)
                .header("Idempotency-Replayed", (String) null)
                .body("status", is("received"))
                .body("applicant.phone", is("091****678"))
                .body("attachments[0].size", is(5))
                .extract()
                .path("code");
        Api.asUser("mot-cua", "congdan2")
                .contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/mot-cua/dossiers")
                .then()
                .statusCode(201)
                .header("Idempotency-Replayed", is("true"))
                .header("Location", is("/mot-cua/dossiers/" + code))
                .body("code", is(code));
        Api.asUser("mot-cua", "congdan2")
                .contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body.replace("MC-017", "MC-018"))
                .post("/mot-cua/dossiers")
                .then()
                .statusCode(422)
                .body("error", is("idempotency_key_reused"));
        Api.asUser("mot-cua", "congdan2")
                .contentType("application/json")
                .body("{\"procedureCode\":\"MC-999\"}")
                .post("/mot-cua/dossiers")
                .then()
                .statusCode(400)
                .body("error", is("invalid_dossier"));
        // The commune's official sees it.
        Api.asUser("mot-cua", "canbo.xa")
                .get("/mot-cua/dossiers/" + code)
                .then()
                .statusCode(200);
    }

    @Test
    void anOfficialsInboxIsTheirAgencys() {
        Api.asUser("van-ban", "canbo.huyen")
                .get("/van-ban/documents")
                .then()
                .statusCode(200)
                .body("items.recipient.code", everyItem(is("CM.TVT")));
        Api.asUser("van-ban", "canbo.huyen")
                .get("/van-ban/summary")
                .then()
                .statusCode(200)
                .body("counters.find { it.key == 'dueToday' }.value", greaterThanOrEqualTo(2));
        String id = Api.asUser("van-ban", "canbo.huyen")
                .queryParam("unread", true)
                .get("/van-ban/documents")
                .then()
                .statusCode(200)
                .body("items.read", everyItem(is(false)))
                .extract()
                .path("items[0].id");
        Api.asUser("van-ban", "canbo.huyen")
                .post("/van-ban/documents/" + id + "/read")
                .then()
                .statusCode(200)
                .body("read", is(true));
        Api.asUser("van-ban", "canbo.xa").get("/van-ban/documents/" + id).then().statusCode(404);
    }

    @Test
    void meetingsStationsAndVessels() {
        Api.asPlatform("hop-truc-tuyen")
                .queryParam("range", "all")
                .get("/hop-truc-tuyen/meetings")
                .then()
                .statusCode(200)
                .body("total", is(30));
        Api.asPlatform("hop-truc-tuyen")
                .queryParam("agency", "CM.TPCM.TACVAN")
                .get("/hop-truc-tuyen/summary")
                .then()
                .statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(1));

        Api.withKey("quan-trac-moi-truong")
                .get("/quan-trac-moi-truong/stations")
                .then()
                .statusCode(200)
                .body("total", is(12))
                .body("items.name", hasItem("Trạm Sông Ông Đốc – Thị trấn Sông Đốc"))
                .body("items.find { it.id == 'QT-CM-11' }.status", is("offline"));
        Api.withKey("quan-trac-moi-truong")
                .queryParam("hours", 24)
                .get("/quan-trac-moi-truong/stations/QT-CM-05/readings")
                .then()
                .statusCode(200)
                .body("items.size()", is(96));

        Api.asUser("dang-ky-tau-ca", "canbo.huyen")
                .queryParam("size", 100)
                .get("/dang-ky-tau-ca/vessels")
                .then()
                .statusCode(200)
                .body("total", greaterThan(50))
                .body("items.registrationNumber", everyItem(matchesPattern("CM-\\d{5}-TS")))
                .body("items.owner.commune", everyItem(startsWith("CM.TVT.")));
        Api.asUser("dang-ky-tau-ca", "canbo.huyen")
                .get("/dang-ky-tau-ca/summary")
                .then()
                .statusCode(200)
                .body("counters.key", hasItem("licenceExpiring"));
    }
}
