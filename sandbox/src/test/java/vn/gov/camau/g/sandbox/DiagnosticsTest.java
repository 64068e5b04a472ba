package vn.gov.camau.g.sandbox;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.sandbox.support.Api;

/** The _diag routes the gateway's proxy tests rely on, checked against the contracts. */
@QuarkusTest
class DiagnosticsTest {

    @Test
    void theEchoHashesATenMegabyteBodyAsItStreams() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024];
        new Random(2026).nextBytes(body);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Api.asUser("mot-cua", "congdan")
                .contentType("application/octet-stream")
                .body(body)
                .post("/mot-cua/_diag/echo")
                .then()
                .statusCode(200)
                .body("method", is("POST"))
                .body("body.length", is(body.length))
                .body("body.sha256", is(sha256))
                .body("headers.content-length", contains(Integer.toString(body.length)));
    }

    @Test
    void theEchoShowsMethodPathQueryAndHeadersAsReceived() {
        Api.asUser("van-ban", "canbo.xa")
                .urlEncodingEnabled(false)
                .header("X-Request-Id", "diag-test-1")
                .header("X-Forwarded-For", "203.0.113.7")
                .body("{\"a\":1}")
                .contentType("application/json")
                .put("/van-ban/_diag/echo/ho-so/123?x=1&y=%C4%91")
                .then()
                .statusCode(200)
                .header("X-Upstream", is("van-ban"))
                .header("X-Request-Id", is("diag-test-1"))
                .body("method", is("PUT"))
                .body("path", is("/van-ban/_diag/echo/ho-so/123"))
                .body("query", is("x=1&y=%C4%91"))
                .body("headers.x-forwarded-for", contains("203.0.113.7"))
                .body("body.length", is(7));
    }

    @Test
    void statusSlowRedirectBytesAndHeaders() {
        Api.asPlatform("hop-truc-tuyen")
                .get("/hop-truc-tuyen/_diag/status/418")
                .then()
                .statusCode(418)
                .body("status", is(418));
        Api.asPlatform("hop-truc-tuyen")
                .delete("/hop-truc-tuyen/_diag/status/204")
                .then()
                .statusCode(204);
        Api.asPlatform("hop-truc-tuyen")
                .get("/hop-truc-tuyen/_diag/status/700")
                .then()
                .statusCode(400);

        long started = System.nanoTime();
        Api.withKey("quan-trac-moi-truong")
                .queryParam("ms", 250)
                .get("/quan-trac-moi-truong/_diag/slow")
                .then()
                .statusCode(200)
                .body("sleptMs", is(250));
        assertThat((System.nanoTime() - started) / 1_000_000, greaterThanOrEqualTo(250L));

        Api.withKey("quan-trac-moi-truong")
                .redirects()
                .follow(false)
                .queryParam("to", "https://g.camau.gov.vn/elsewhere")
                .get("/quan-trac-moi-truong/_diag/redirect")
                .then()
                .statusCode(302)
                .header("Location", is("https://g.camau.gov.vn/elsewhere"));

        String bytes = Api.withKey("quan-trac-moi-truong")
                .queryParam("n", 100_000)
                .get("/quan-trac-moi-truong/_diag/bytes")
                .then()
                .statusCode(200)
                .header("Content-Length", is("100000"))
                .extract()
                .asString();
        assertThat(bytes.length(), is(100_000));
        Api.withKey("quan-trac-moi-truong")
                .queryParam("n", 5000)
                .queryParam("chunked", true)
                .get("/quan-trac-moi-truong/_diag/bytes")
                .then()
                .statusCode(200)
                .header("Transfer-Encoding", is("chunked"));

        Api.withKey("quan-trac-moi-truong")
                .get("/quan-trac-moi-truong/_diag/headers")
                .then()
                .statusCode(200)
                .header("X-Hop", is("secret"))
                .header("Keep-Alive", is("timeout=5"))
                .header("Connection", is("keep-alive, X-Hop"))
                .header("X-Upstream", is("quan-trac-moi-truong"));
    }

    @Test
    void anUnknownPathUnderASystemIsTheSystemsOwn404() {
        Api.asUser("van-ban", "canbo.xa")
                .get("/van-ban/khong-co")
                .then()
                .statusCode(404)
                .body("error", is("not_found"))
                .body("system", is("van-ban"));
    }
}
