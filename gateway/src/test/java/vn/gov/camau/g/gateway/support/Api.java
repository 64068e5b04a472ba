package vn.gov.camau.g.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** How every test calls the gateway: through the contract check, as a phone would. */
public final class Api {

    private Api() {}

    public static RequestSpecification anonymous() {
        return given().filter(Contract.responses());
    }

    public static RequestSpecification as(String username) {
        return anonymous().auth().oauth2(Keycloak.accessToken(username));
    }

    public static RequestSpecification withAuthorization(String headerValue) {
        return anonymous().header("Authorization", headerValue);
    }
}
