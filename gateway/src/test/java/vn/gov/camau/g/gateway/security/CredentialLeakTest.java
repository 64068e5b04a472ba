package vn.gov.camau.g.gateway.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.ForgedTokens;
import vn.gov.camau.g.gateway.support.Keycloak;

/**
 * No answer of the gateway ever carries a credential of the platform: every declared route of
 * every system (the test-only diagnostics included, whose echo reflects every header it gets) is
 * called without a token, as each demo account and as the partner app.
 */
@QuarkusTest
class CredentialLeakTest {

    private static final List<String> DEMO_ACCOUNTS =
            List.of("canbo.tinh", "canbo.huyen", "canbo.xa", "quantri.donvi", "quantri", "congdan", "congdan2");
    private static final List<String> SECRET_SETTINGS = List.of(
            "camau.secrets.quan-trac-moi-truong",
            "camau.keycloak.gateway-client-secret",
            "camau.keycloak.platform-client-secret",
            "camau.keycloak.provisioner-client-secret");
    /** Clients whose own tokens are the platform's: a caller may hold a token of theirs only for themselves. */
    private static final List<String> PLATFORM_CLIENTS =
            List.of("camau-platform", "camau-provisioner", "camau-gateway");

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    /** A value for a path parameter that no sample record has, so no call changes sample data. */
    private static final String UNKNOWN_ID = "khong-ton-tai-0";

    @Test
    void noDeclaredRouteEverAnswersWithThePlatformsCredentials() {
        List<String> secrets = SECRET_SETTINGS.stream()
                .map(key -> ConfigProvider.getConfig().getValue(key, String.class))
                .toList();
        // Without the contract check: a system's own 4xx answers pass as it sent them, and this
        // test looks only for credentials, in whatever came back.
        Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
        callers.put("anonymous", RestAssured::given);
        for (String account : DEMO_ACCOUNTS) {
            String token = Keycloak.accessToken(account);
            callers.put(account, () -> RestAssured.given().header("Authorization", "Bearer " + token));
        }
        String partner = Keycloak.partnerAppToken();
        callers.put("demo-partner-app", () -> RestAssured.given().header("Authorization", "Bearer " + partner));

        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (Map<String, Object> app :
                Api.as("quantri").get("/api/v1/admin/apps").jsonPath().<Map<String, Object>>getList("$")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) app.get("manifest");
            if (!"api".equals(manifest.get("kind")) || !Boolean.TRUE.equals(app.get("enabled"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> routes = (List<Map<String, Object>>) manifest.getOrDefault("routes", List.of());
            for (Map<String, Object> route : routes) {
                String method = (String) route.get("method");
                String path = "/api/v1/apps/" + manifest.get("id") + "/api"
                        + ((String) route.get("path")).replaceAll("\\{[^}]+}", UNKNOWN_ID);
                for (Map.Entry<String, Supplier<RequestSpecification>> caller : callers.entrySet()) {
                    Response answer = caller.getValue()
                            .get()
                            .contentType("application/json")
                            .body(method.equals("GET") || method.equals("HEAD") ? "" : "{}")
                            .request(method, path);
                    calls++;
                    String seen = answer.getHeaders() + "\n" + answer.asString();
                    for (String secret : secrets) {
                        if (seen.contains(secret)) {
                            leaks.add(caller.getKey() + " " + method + " " + path + ": a platform secret");
                        }
                    }
                    platformTokensIn(seen, caller.getKey(), callerSubject(caller.getKey()))
                            .forEach(what -> leaks.add(caller.getKey() + " " + method + " " + path + ": " + what));
                }
            }
        }
        assertThat("calls made", calls, greaterThan(500));
        assertThat(leaks, empty());
    }

    @Test
    void anEchoOfThePlatformsApiKeyIsRefusedNotRelayed() {
        String key = ConfigProvider.getConfig().getValue("camau.secrets.quan-trac-moi-truong", String.class);
        Response answer = Api.anonymous().get("/api/v1/apps/quan-trac-moi-truong/api/_diag/echo");
        answer.then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://g.camau.gov.vn/problems/upstream-error"))
                .body("system", equalTo("quan-trac-moi-truong"));
        assertThat(answer.asString(), not(org.hamcrest.Matchers.containsString(key)));
    }

    @Test
    void anEchoOfThePlatformsOwnTokenIsRefusedNotRelayed() {
        Response answer = Api.as("canbo.tinh").get("/api/v1/apps/hop-truc-tuyen/api/_diag/echo");
        answer.then().statusCode(502).body("type", equalTo("https://g.camau.gov.vn/problems/upstream-error"));
        assertThat(platformTokensIn(answer.asString(), "canbo.tinh", callerSubject("canbo.tinh")), empty());
    }

    @Test
    void theHomeScreenNeverShowsAnAnswerThatRepeatsThePlatformsCredential() {
        String key = ConfigProvider.getConfig().getValue("camau.secrets.quan-trac-moi-truong", String.class);
        String home = Api.as("canbo.tinh")
                .get("/api/v1/home")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(home, not(org.hamcrest.Matchers.containsString(key)));
        assertThat(platformTokensIn(home, "canbo.tinh", callerSubject("canbo.tinh")), empty());
    }

    private static String callerSubject(String caller) {
        return DEMO_ACCOUNTS.contains(caller)
                ? (String) ForgedTokens.claims(Keycloak.accessToken(caller)).get("sub")
                : null;
    }

    /** Tokens in an answer that are the platform's own, or another person's. */
    private static List<String> platformTokensIn(String text, String caller, String callerSubject) {
        List<String> found = new ArrayList<>();
        Matcher tokens = JWT.matcher(text);
        while (tokens.find()) {
            Map<String, Object> claims;
            try {
                claims = ForgedTokens.claims(tokens.group());
            } catch (RuntimeException notAToken) {
                continue;
            }
            Object username = claims.get("preferred_username");
            boolean serviceAccount = username instanceof String name && name.startsWith("service-account-");
            boolean platformClient = PLATFORM_CLIENTS.contains(String.valueOf(claims.get("azp")));
            boolean someoneElse = callerSubject != null && !callerSubject.equals(claims.get("sub"));
            if ((serviceAccount && platformClient) || someoneElse || (callerSubject == null && platformClient)) {
                found.add("a token of " + claims.get("azp") + " for " + username);
            }
        }
        return found;
    }
}
