package vn.gov.camau.g.gateway.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Contract;

/** What an operator and a third-party developer rely on: health, metrics and the served contract. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessCoversPostgresAndTheKeycloakKeys() {
        Api.anonymous()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Realm keys", "Reactive PostgreSQL connections health check"));
    }

    @Test
    void livenessAndHealthAnswer() {
        Api.anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Api.anonymous().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreInPrometheusFormat() {
        Api.anonymous().get("/api/v1/me");
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("# TYPE http_server_requests_seconds"))
                .body(containsString("uri=\"/api/v1/me\""));
    }

    /** A series per path would grow with every station id (or every id an attacker tries). */
    @Test
    void proxiedCallsAreOneMetricsSeriesPerSystemNotPerPath() {
        String station = "/stations/metrics-probe-" + System.nanoTime();
        Api.anonymous().get("/api/v1/apps/quan-trac-moi-truong/api" + station);
        Api.anonymous().get("/api/v1/apps/khong-co-" + System.nanoTime() + "/api/x");
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("uri=\"/api/v1/apps/quan-trac-moi-truong/api/**\""))
                .body(containsString("uri=\"/api/v1/apps/{id}/api/**\""))
                .body(not(containsString(station)))
                .body(not(containsString("khong-co-")));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theServedContractIsTheCommittedOne() {
        OpenAPI committed = parse(Contract.text());
        OpenAPI served = parse(given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(committed.getInfo().getTitle(), served.getInfo().getTitle());
        assertEquals(committed.getInfo().getVersion(), served.getInfo().getVersion());
        assertEquals(operations(committed), operations(served), "routes in the code and in openapi/gateway.yaml");
        committed
                .getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    var servedOperation =
                            served.getPaths().get(path).readOperationsMap().get(method);
                    assertEquals(
                            operation.getResponses().keySet(),
                            servedOperation.getResponses().keySet(),
                            "responses of " + method + " " + path);
                }));
    }

    private static Set<String> operations(OpenAPI api) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue()
                    .readOperationsMap()
                    .keySet()
                    .forEach(method -> operations.add(method + " " + path.getKey()));
        }
        return operations;
    }

    private static OpenAPI parse(String text) {
        var result = new OpenAPIV3Parser().readContents(text);
        if (result.getOpenAPI() == null) {
            throw new AssertionError("Not an OpenAPI document: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
