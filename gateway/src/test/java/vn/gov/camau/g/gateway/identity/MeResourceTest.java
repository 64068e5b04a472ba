package vn.gov.camau.g.gateway.identity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.ForgedTokens;
import vn.gov.camau.g.gateway.support.Keycloak;

@QuarkusTest
class MeResourceTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @ParameterizedTest(name = "{0} is a {2} of {4} ({5})")
    @CsvSource({
        "canbo.tinh,    Nguyễn Thị Phương Thảo, official, official,               CM.STTTT,       province",
        "canbo.huyen,   Trần Minh Tâm,          official, official,               CM.TVT,         district",
        "canbo.xa,      Lê Văn Hùng,            official, official,               CM.TPCM.TACVAN, commune",
        "quantri.donvi, Phạm Thị Ngọc Lan,      admin,    agency-admin|official,  CM.TVT,         district",
        "quantri,       Võ Đăng Khoa,           admin,    platform-admin,         CM.STTTT,       province",
    })
    void officialsAndAdminsSeeTheirKindRolesAndAgency(
            String username, String displayName, String kind, String roles, String agency, String level) {
        Api.as(username)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(username))
                .body("displayName", equalTo(displayName))
                .body("kind", equalTo(kind))
                .body("roles", contains((Object[]) roles.split("\\|")))
                .body("agency.code", equalTo(agency))
                .body("agency.level", equalTo(level))
                .body(
                        "subject",
                        equalTo(ForgedTokens.claims(Keycloak.accessToken(username))
                                .get("sub")));
    }

    @ParameterizedTest(name = "{0} is a citizen with no agency")
    @CsvSource({"congdan, Huỳnh Thị Tuyết Mai", "congdan2, Đỗ Hoàng Phúc"})
    void citizensHaveNoAgency(String username, String displayName) {
        Api.as(username)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("kind", equalTo("citizen"))
                .body("displayName", equalTo(displayName))
                .body("roles", contains("citizen"))
                .body("agency", nullValue())
                .body("subject", matchesPattern(UUID));
    }

    @Test
    void keycloaksOwnRolesAreNotShown() {
        Api.as("canbo.xa")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", not(contains("offline_access")))
                .body("roles", contains("official"));
    }

    @Test
    void anApplicationsOwnTokenIsValidButHasNoMe() {
        String appToken = Keycloak.partnerAppToken();
        for (String path : new String[] {"/api/v1/me", "/api/v1/me/preferences"}) {
            Api.withAuthorization("Bearer " + appToken)
                    .header("Accept-Language", "en")
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://g.camau.gov.vn/problems/forbidden"))
                    .body("detail", equalTo("This is for signed-in people, not for an application's own token."));
        }
    }

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() {
        Api.anonymous()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://g.camau.gov.vn/problems/unauthorized"))
                .body("status", equalTo(401));
    }
}
