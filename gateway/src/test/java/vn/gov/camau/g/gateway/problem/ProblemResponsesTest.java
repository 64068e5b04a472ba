package vn.gov.camau.g.gateway.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.gov.camau.g.gateway.support.Api;

/** What any caller sees when the gateway refuses them: one shape, in their language, traceable. */
@QuarkusTest
class ProblemResponsesTest {

    @ParameterizedTest(name = "Accept-Language \"{0}\" gets the title \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|                   Chưa xác thực",
                "vi|                   Chưa xác thực",
                "vi-VN,vi;q=0.9|       Chưa xác thực",
                "en|                   Authentication required",
                "en-US,en;q=0.9,vi;q=0.5| Authentication required",
                "fr-FR,en;q=0.8|       Authentication required",
                "vi;q=0.4,en;q=0.9|    Authentication required",
                "de|                   Chưa xác thực",
            })
    void titlesFollowAcceptLanguageWithVietnameseByDefault(String acceptLanguage, String title) {
        var request = Api.anonymous();
        if (!acceptLanguage.isEmpty()) {
            request.header("Accept-Language", acceptLanguage);
        }
        request.get("/api/v1/me")
                .then()
                .statusCode(401)
                .header("Content-Language", title.startsWith("Chưa") ? "vi" : "en")
                .body("title", equalTo(title));
    }

    @Test
    void theCallersRequestIdIsEchoedInTheHeaderAndTheBody() {
        Api.anonymous()
                .header("X-Request-Id", "phone-7c1e-2026")
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .header("X-Request-Id", "phone-7c1e-2026")
                .body("requestId", equalTo("phone-7c1e-2026"));
    }

    @Test
    void anUnsafeRequestIdIsReplacedByOneOfTheGateways() {
        Api.anonymous()
                .header("X-Request-Id", "<script>")
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void successfulResponsesCarryARequestIdToo() {
        Api.as("congdan").get("/api/v1/me").then().statusCode(200).header("X-Request-Id", matchesPattern(".{8,}"));
    }

    @Test
    void anUnknownAddressIs404Problem() {
        Api.anonymous()
                .header("Accept-Language", "en")
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    @Test
    void anUnsupportedMethodIs405Problem() {
        Api.as("congdan")
                .delete("/api/v1/me/preferences")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/method-not-allowed"));
    }

    @Test
    void askingForHtmlIs406Problem() {
        Api.as("congdan")
                .accept("text/html")
                .get("/api/v1/me")
                .then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/not-acceptable"));
    }

    /** What Vert.x itself refuses is a problem too: HTTP/1.1 without a Host header. */
    @Test
    void aRequestWithoutHostIs400Problem() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.getOutputStream()
                    .write("GET /api/v1/apps HTTP/1.1\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.hamcrest.MatcherAssert.assertThat(answer, org.hamcrest.Matchers.startsWith("HTTP/1.1 400"));
            org.hamcrest.MatcherAssert.assertThat(answer, containsString("application/problem+json"));
            org.hamcrest.MatcherAssert.assertThat(answer, containsString("/problems/malformed-request"));
            org.hamcrest.MatcherAssert.assertThat(answer, not(containsString("stack")));
        }
    }

    /**
     * Dot segments do not dress an API call up as a proxied one (whose body limit is the
     * system's): the router resolves them to /api/v1/me/preferences, and so does the edge filter.
     */
    @Test
    void aProxiedLookingPathWithDotSegmentsKeepsTheApisBodyLimit() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            // Without the API's limit the gateway would wait for the 2 MB: fail rather than hang.
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("PUT /api/v1/apps/mot-cua/api/../../../me/preferences HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 2097152\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // The body is never sent, so the connection stays open: read the answer, not to the end.
            StringBuilder answer = new StringBuilder();
            byte[] chunk = new byte[4096];
            int read;
            while (!answer.toString().contains("}")
                    && (read = socket.getInputStream().read(chunk)) > 0) {
                answer.append(new String(chunk, 0, read, java.nio.charset.StandardCharsets.UTF_8));
            }
            org.hamcrest.MatcherAssert.assertThat(answer.toString(), org.hamcrest.Matchers.startsWith("HTTP/1.1 413"));
            org.hamcrest.MatcherAssert.assertThat(answer.toString(), containsString("/problems/payload-too-large"));
        }
    }

    @Test
    void problemsNameNoJavaInternals() {
        Api.as("congdan")
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .body("{\"language\": [1, 2, {\"nested\": true}]}")
                .put("/api/v1/me/preferences")
                .then()
                .statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("vn.gov")));
    }
}
