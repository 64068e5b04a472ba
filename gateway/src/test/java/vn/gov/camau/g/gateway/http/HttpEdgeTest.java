package vn.gov.camau.g.gateway.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Contract;
import vn.gov.camau.g.gateway.support.Keycloak;
import vn.gov.camau.g.gateway.support.RawHttp;

/** What the HTTP layer itself makes of odd requests: always a problem, always traceable. */
@QuarkusTest
class HttpEdgeTest {

    private static final String PROBLEMS = "https://g.camau.gov.vn/problems/";
    private static final String REQUEST_ID = "(?is).*\r\nX-Request-Id: [0-9a-f-]{36}\r\n.*";
    /** The contract's limit (camau.http.max-path-length). */
    private static final int MAX_PATH_LENGTH = 2048;

    private static final String OFFICIALS_AND_CITIZENS_SYSTEM = "mot-cua";

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/apps/%zz/launch",
                "/api/v1/apps?since=%zz",
                "/api/v1/apps?since=1%",
                "/api/v1/apps/mot-cua/api/%zz",
                "/q/health?x=%g0",
            })
    void aBadPercentEncodingIs400Problem(String target) throws Exception {
        String answer = RawHttp.exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 400 "));
        assertThat(answer, containsString("application/problem+json"));
        assertThat(answer, containsString(PROBLEMS + "malformed-request"));
        assertThat(answer, matchesPattern(REQUEST_ID));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/admin/apps/%00",
                "/api/v1/admin/apps/mot%00cua/audit",
                "/api/v1/admin/apps/mot%00cua/health",
                "/api/v1/apps?since=%00",
            })
    void aNulIsRefusedBeforeTheDatabaseSeesIt(String target) {
        Api.as("quantri")
                .urlEncodingEnabled(false)
                .get(target)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "malformed-request"));
    }

    @Test
    void aNulInAnIdToWriteIsRefusedToo() {
        Api.as("quantri")
                .urlEncodingEnabled(false)
                .post("/api/v1/admin/apps/mot%00cua/disable")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"));
    }

    @Test
    void anIdOffItsPatternIs404() {
        Api.as("quantri")
                .get("/api/v1/admin/apps/Not_An-Id")
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void getOnLaunchIs405WithAllow() {
        Api.as("congdan")
                .get("/api/v1/apps/" + OFFICIALS_AND_CITIZENS_SYSTEM + "/launch")
                .then()
                .statusCode(405)
                .header("Allow", equalTo("POST, OPTIONS"))
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "method-not-allowed"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST,   /q/health",
        "POST,   /q/health/live",
        "PUT,    /q/health/ready",
        "DELETE, /q/health/started",
        "PUT,    /q/metrics",
        "DELETE, /q/openapi",
        "PATCH,  /q/openapi",
    })
    void operationsRoutesTakeOnlyTheMethodsTheContractNames(String method, String path) {
        Api.anonymous()
                .request(method, path)
                .then()
                .statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"))
                .header("X-Request-Id", matchesPattern(".{8,}"))
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "method-not-allowed"));
    }

    @ParameterizedTest(name = "OPTIONS {0}")
    @CsvSource({
        "/q/health,              'GET, HEAD, OPTIONS'",
        "/q/openapi,             'GET, HEAD, OPTIONS'",
        "/api/v1/apps,           'GET, HEAD, OPTIONS'",
        "/api/v1/me/preferences, 'GET, HEAD, PUT, OPTIONS'",
        "/api/v1/apps/mot-cua/launch, 'POST, OPTIONS'",
    })
    void optionsAnswersWithAllowAndNoBody(String path, String allow) {
        Api.anonymous()
                .options(path)
                .then()
                .statusCode(200)
                .header("Allow", equalTo(allow))
                .header("X-Request-Id", matchesPattern(".{8,}"))
                .body(emptyString());
    }

    @ParameterizedTest(name = "HEAD {0}")
    @ValueSource(strings = {"/q/health/live", "/q/openapi", "/api/v1/apps"})
    void headAnswersAsGetWithoutABody(String path) {
        Api.anonymous()
                .head(path)
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(".{8,}"))
                .body(emptyString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/1.7", "HTTP/2.0", "HTTP/9.9"})
    void anUnknownHttpVersionIs505ProblemAndTheConnectionCloses(String version) throws Exception {
        // No Connection: close: the gateway must close by itself, or the read times out.
        String answer = RawHttp.exchange("GET /api/v1/apps " + version + "\r\nHost: localhost\r\n\r\n");
        assertThat(answer, matchesPattern("(?s)HTTP/\\d\\.\\d 505 .*"));
        assertThat(answer, containsString("application/problem+json"));
        assertThat(answer, containsString(PROBLEMS + "http-version-not-supported"));
        assertThat(answer, matchesPattern(REQUEST_ID));
    }

    @Test
    void anApplicationsTokenOnAPeopleOnlySystemIs403() {
        String appToken = Keycloak.partnerAppToken();
        Api.withAuthorization("Bearer " + appToken)
                .post("/api/v1/apps/" + OFFICIALS_AND_CITIZENS_SYSTEM + "/launch")
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue())
                .body("type", equalTo(PROBLEMS + "forbidden"));
        Api.withAuthorization("Bearer " + appToken)
                .get("/api/v1/apps/" + OFFICIALS_AND_CITIZENS_SYSTEM + "/api/dossiers")
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
    }

    @Test
    void anApplicationsTokenIs403OnPreferencesBeforeItsBodyIsJudged() {
        Api.withAuthorization("Bearer " + Keycloak.partnerAppToken())
                .header("If-Match", "*")
                .contentType("application/json")
                .body("{}")
                .put("/api/v1/me/preferences")
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/apps/", "/api/v1/apps/mot-cua/api/"})
    void aPathOverTheLimitIs414ProblemBeforeAnySystemIsCalled(String prefix) {
        String path = prefix + "a".repeat(MAX_PATH_LENGTH - prefix.length() + 1);
        Api.as("congdan")
                .get(path)
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "uri-too-long"))
                .body("detail", containsString(Integer.toString(MAX_PATH_LENGTH)));
    }

    @Test
    void aPathAtTheLimitIsServed() {
        String prefix = "/api/v1/apps/";
        Api.as("congdan")
                .get(prefix + "a".repeat(MAX_PATH_LENGTH - prefix.length()))
                .then()
                .statusCode(404);
    }

    @Test
    void aRefused413ClosesTheConnectionInsteadOfWaitingForTheBody() throws Exception {
        // Keep-alive, and the 2 MB never sent: only a gateway that closes ends this read.
        String answer = RawHttp.exchange("PUT /api/v1/me/preferences HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2097152\r\n\r\n{\"language\":");
        assertThat(answer, startsWith("HTTP/1.1 413 "));
        assertThat(answer, allOf(containsString(PROBLEMS + "payload-too-large"), containsString("connection: close")));
    }

    /** Past the HTTP layer's 20 MiB, a proxied call is refused by the edge too, not by an empty 413. */
    @Test
    void aProxiedBodyOverTheHttpLimitIs413ProblemAndCloses() throws Exception {
        String answer = RawHttp.exchange("POST /api/v1/apps/" + OFFICIALS_AND_CITIZENS_SYSTEM
                + "/api/_diag/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 31457280\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 413 "));
        assertThat(answer, containsString(PROBLEMS + "payload-too-large"));
        assertThat(answer, matchesPattern(REQUEST_ID));
    }

    @Test
    void problemJsonAloneStillGetsTheErrors() {
        Api.anonymous()
                .accept("application/problem+json")
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthorized"));
        Api.as("congdan")
                .accept("application/problem+json")
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        Api.withAuthorization("Bearer not-a-token")
                .accept("application/problem+json")
                .get("/api/v1/apps")
                .then()
                .statusCode(401)
                .body("type", equalTo(PROBLEMS + "invalid-token"));
    }

    @Test
    void problemJsonAloneIs406WhereOnlyJsonCouldAnswer() {
        Api.as("congdan")
                .accept("application/problem+json")
                .get("/api/v1/me")
                .then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-acceptable"));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/json;q=0", "application/json; q=0.0, text/html", "*/*;q=0"})
    void anAcceptThatRefusesJsonIs406(String accept) {
        Api.anonymous()
                .accept(accept)
                .get("/api/v1/apps")
                .then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-acceptable"));
    }

    @Test
    void anAcceptThatRefusesJsonIs406BeforeAnythingIsWritten() {
        String language = Api.as("canbo.tinh").get("/api/v1/me/preferences").path("language");
        String other = "vi".equals(language) ? "en" : "vi";
        Api.as("canbo.tinh")
                .accept("application/json;q=0")
                .header("If-Match", "*")
                .contentType("application/json")
                .body("{\"language\":\"" + other
                        + "\",\"favouriteAppIds\":[],\"notifications\":{\"dossierUpdates\":true,"
                        + "\"documentInbox\":true,\"meetingReminders\":true,\"salinityAlerts\":true,"
                        + "\"waterLevelAlerts\":true,\"localNews\":false}}")
                .put("/api/v1/me/preferences")
                .then()
                .statusCode(406);
        Api.as("canbo.tinh").get("/api/v1/me/preferences").then().body("language", equalTo(language));
    }

    @Test
    void jsonWithAWeightIsStillJson() {
        Api.anonymous()
                .accept("text/html, application/json;q=0.5")
                .get("/api/v1/apps")
                .then()
                .statusCode(200)
                .contentType("application/json");
    }

    /** The code refuses an application's token on /api/v1/me (403); the contract says so too. */
    @Test
    void theContractShowsNoMeForAnApplicationsToken() {
        String text = Contract.text();
        String me = text.substring(text.indexOf("\n  /api/v1/me:\n"), text.indexOf("\n  /api/v1/me/preferences:\n"));
        String ok = me.substring(me.indexOf("'200':"), me.indexOf("'401':"));
        assertThat(ok, not(containsString("username: null")));
        assertThat(text, not(containsString("so `GET /api/v1/me` shows it with `username`")));
    }
}
