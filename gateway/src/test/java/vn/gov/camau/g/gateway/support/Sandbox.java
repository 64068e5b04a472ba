package vn.gov.camau.g.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sandbox twins of the sectoral systems that {@code ./camau test} starts: their faults are
 * switched at run time, the way an outage would happen to a real system.
 */
public final class Sandbox {

    private Sandbox() {}

    public static String url() {
        return ConfigProvider.getConfig().getValue("camau.routing.sandbox-url", String.class);
    }

    public static void faults(String system, String faultsJson) {
        given().contentType(ContentType.JSON)
                .body(faultsJson)
                .put(url() + "/_sandbox/systems/" + system + "/faults")
                .then()
                .statusCode(200);
    }

    public static void latency(String system, int millis) {
        faults(system, "{\"latencyMs\":" + millis + "}");
    }

    public static void failing(String system, int status) {
        faults(system, "{\"errorRate\":1.0,\"errorStatus\":" + status + "}");
    }

    public static void heal(String system) {
        given().delete(url() + "/_sandbox/systems/" + system + "/faults").then().statusCode(200);
    }
}
