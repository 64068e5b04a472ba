package vn.gov.camau.g.sandbox.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** How tests call a system: as the gateway would, every response checked against the system's contract. */
public final class Api {

    public static final String QUAN_TRAC_KEY = "sandbox-quan-trac-key";

    private Api() {}

    public static RequestSpecification to(String system) {
        return given().filter(Contracts.of(system));
    }

    public static RequestSpecification asUser(String system, String username) {
        return to(system).auth().oauth2(Keycloak.userToken(username));
    }

    public static RequestSpecification asPlatform(String system) {
        return to(system).auth().oauth2(Keycloak.platformToken().orElseThrow());
    }

    public static RequestSpecification withKey(String system) {
        return to(system).header("X-API-Key", QUAN_TRAC_KEY);
    }
}
