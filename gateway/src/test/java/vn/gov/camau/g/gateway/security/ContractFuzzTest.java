package vn.gov.camau.g.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Contract;
import vn.gov.camau.g.gateway.support.Keycloak;

/**
 * A few thousand requests generated from the committed contract with a fixed seed: hostile ids
 * (traversal, encoded slashes, NUL, very long, SQL), odd queries, bodies of the wrong type, with
 * missing, extra, huge or odd values, duplicate and odd headers, odd methods. Whatever arrives, the
 * gateway answers with no 5xx of its own, only statuses the contract documents for the operation,
 * errors as problem+json with a request id, and nothing changed by a refused request. Requests
 * no HTTP client would send (a malformed percent-encoding) are counted as unsent here; HttpEdgeTest
 * sends those over raw sockets.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final long SEED = 2026_12_02L;
    private static final int REQUESTS = 2_500;
    private static final List<String> ACCOUNTS = List.of("congdan", "canbo.xa", "quantri.donvi", "quantri");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final List<String> ODD_METHODS = List.of("TRACE", "PROPFIND", "OPTIONS", "HEAD", "PATCH", "DELETE");

    private static final List<String> HOSTILE_IDS = List.of(
            "..",
            "..%2F..%2Fadmin",
            "%2e%2e%2f%2e%2e%2fq%2fmetrics",
            "van-ban%2F..%2Fmot-cua",
            "a%00b",
            "%00",
            "x".repeat(3_000),
            "h%E1%BB%93-s%C6%A1",
            "%27%20OR%201%3D1--",
            "%20",
            "VAN-BAN",
            "-leading-dash",
            "12345678901234567890",
            "%C0%AE%C0%AE",
            "%ff%fe",
            "null",
            "id;drop%20table%20catalog_apps");
    private static final List<String> HOSTILE_QUERIES = List.of(
            "since=abc",
            "since=-1",
            "since=99999999999999999999999",
            "since=0&since=1",
            "since=%00",
            "a=%",
            "%zz=1",
            "x=" + "y".repeat(5_000),
            "agency=CM.TVT&agency=",
            "range=all&size=-5&page=99999999999");
    private static final List<String> HOSTILE_BODIES = List.of(
            "",
            "null",
            "[]",
            "\"text\"",
            "12",
            "{",
            "{\"language\":5}",
            "{\"language\":\"vi\",\"favouriteAppIds\":\"van-ban\"}",
            "{\"language\":\"xx\",\"favouriteAppIds\":[],\"notifications\":{}}",
            "{\"language\":\"vi\",\"favouriteAppIds\":[" + "\"a\",".repeat(2_000) + "\"a\"],\"notifications\":{}}",
            "{\"extra\":true}",
            "{\"id\":\"..\",\"names\":{\"vi\":1}}",
            "{\"id\":\"" + "z".repeat(70_000) + "\"}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":1e999999}",
            "\uFEFF{}",
            "{\"language\":\"vi\u0000\"}",
            "{\"id\":\"x\",\"id\":\"y\"}");
    private static final List<String[]> HOSTILE_HEADERS = List.of(
            new String[] {"Content-Type", "text/plain"},
            new String[] {"Content-Type", "application/json; charset=latin1"},
            new String[] {"Content-Type", "application/x-www-form-urlencoded"},
            new String[] {"Accept", "application/xml"},
            new String[] {"Accept", "application/problem+json"},
            new String[] {"Accept-Language", "zz-ZZ;q=abc"},
            new String[] {"Accept-Language", "*"},
            new String[] {"If-Match", "\""},
            new String[] {"If-Match", "W/\"1\""},
            new String[] {"If-None-Match", "*"},
            new String[] {"Idempotency-Key", "ü".repeat(20)},
            new String[] {"Idempotency-Key", "k".repeat(500)},
            new String[] {"X-Request-Id", "<script>"},
            new String[] {"X-Forwarded-For", "1.2.3.4, evil"},
            new String[] {"Authorization", "Bearer"},
            new String[] {"Authorization", "Basic cXVhbnRyaTpDYU1hdUAyMDI2"});

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void generatedHostileRequestsGetOnlyDocumentedProblemsAndChangeNothing() throws IOException {
        List<Operation> operations = operations();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String account : ACCOUNTS) {
            tokens.put(account, Keycloak.accessToken(account));
        }
        tokens.put("demo-partner-app", Keycloak.partnerAppToken());
        List<String> callers = new ArrayList<>(tokens.keySet());
        callers.add("anonymous");
        Map<String, String> before = state(tokens);

        Random random = new Random(SEED);
        Map<String, Integer> statuses = new TreeMap<>();
        java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();
        List<String> findings = new ArrayList<>();
        RestAssuredConfig raw = RestAssured.config()
                .encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        for (int n = 0; n < REQUESTS; n++) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            String caller = callers.get(random.nextInt(callers.size()));
            String method = random.nextInt(10) == 0 ? pick(random, ODD_METHODS) : operation.method();
            String path = operation.path();
            // Every id is hostile, so no write can reach a real record.
            path = path.replace("{id}", pick(random, HOSTILE_IDS)).replace("{path}", pick(random, HOSTILE_IDS));
            if (random.nextBoolean()) {
                path += "?" + pick(random, HOSTILE_QUERIES);
            }
            RequestSpecification request = RestAssured.given()
                    .config(raw)
                    .urlEncodingEnabled(false)
                    .redirects()
                    .follow(false);
            if (!caller.equals("anonymous")) {
                request.header("Authorization", "Bearer " + tokens.get(caller));
            }
            int headers = random.nextInt(3);
            boolean form = false;
            for (int h = 0; h < headers; h++) {
                String[] header = pick(random, HOSTILE_HEADERS);
                request.header(header[0], header[1]);
                form |= header[1].startsWith("application/x-www-form-urlencoded");
            }
            boolean writes = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
            String body = null;
            if (writes || random.nextInt(4) == 0) {
                body = pick(random, HOSTILE_BODIES);
                // As bytes: rest-assured would otherwise take its time reading a string that looks like JSON.
                if (form) {
                    request.body(body);
                } else {
                    request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                if (random.nextBoolean()) {
                    request.contentType("application/json");
                }
            }
            Response answer;
            long sent = System.nanoTime();
            try {
                answer = request.request(method, path);
            } catch (Exception unsent) {
                // The client would not send it (an illegal URI), or the gateway refused a body too
                // large and closed the connection while it was still being sent (as it should).
                if (statuses.merge(unsent.getClass().getSimpleName(), 1, Integer::sum) == 1) {
                    System.out.println(
                            "ContractFuzzTest: not sent: " + method + " " + abbreviated(path) + ": " + unsent);
                }
                continue;
            }
            int status = answer.statusCode();
            slowest.put(
                    (System.nanoTime() - sent) / 1_000_000 * 10_000 + n,
                    method + " " + abbreviated(path) + " body " + (body == null ? "none" : abbreviated(body))
                            + " headers " + headers);
            if (slowest.size() > 5) {
                slowest.pollFirstEntry();
            }
            statuses.merge(String.valueOf(status), 1, Integer::sum);
            String what = method + " " + abbreviated(path) + " as " + caller + " → " + status;
            boolean proxied = operation.path().contains("/api/{path}");
            if (status >= 500 && !(proxied && (status == 502 || status == 503 || status == 504))) {
                findings.add(what + ": a server error " + abbreviated(answer.asString()));
            }
            if (method.equals(operation.method()) && !operation.documents(status)) {
                findings.add(what + ": not a status the contract documents for " + operation.id());
            }
            String type = answer.contentType() == null ? "" : answer.contentType();
            boolean systemsOwnAnswer = proxied && status < 500 && !type.startsWith("application/problem+json");
            if (status >= 400
                    && !method.equals("HEAD")
                    && !systemsOwnAnswer
                    && !type.startsWith("application/problem+json")) {
                findings.add(what + ": an error that is not problem+json (" + type + ")");
            }
            if (answer.header("X-Request-Id") == null) {
                findings.add(what + ": no X-Request-Id");
            }
            if (writes && status >= 200 && status < 300 && !proxied) {
                findings.add(what + ": a hostile write was accepted");
            }
        }
        System.out.println("ContractFuzzTest: " + REQUESTS + " requests (seed " + SEED + "), statuses " + statuses
                + ", slowest (ms·10⁴+n) " + slowest);
        assertEquals(before, state(tokens), "what the refused requests could have changed");
        assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n", distinct(findings)));
    }

    /** Each account's preferences and the catalog as an admin sees it: what a write could change. */
    private static Map<String, String> state(Map<String, String> tokens) {
        Map<String, String> state = new TreeMap<>();
        for (String account : ACCOUNTS) {
            state.put(
                    account + " preferences",
                    Api.as(account)
                            .get("/api/v1/me/preferences")
                            .then()
                            .extract()
                            .header("ETag"));
        }
        state.put(
                "catalog",
                Api.as("quantri")
                        .get("/api/v1/admin/apps")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        return state;
    }

    private List<Operation> operations() throws IOException {
        JsonNode paths = yaml.readTree(Contract.text()).path("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> each = paths.fields(); each.hasNext(); ) {
            Map.Entry<String, JsonNode> path = each.next();
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    Set<String> documented = new TreeSet<>();
                    operation.getValue().path("responses").fieldNames().forEachRemaining(documented::add);
                    operations.add(new Operation(
                            operation.getValue().path("operationId").asText(),
                            operation.getKey().toUpperCase(java.util.Locale.ROOT),
                            path.getKey(),
                            documented));
                }
            });
        }
        return operations;
    }

    private record Operation(String id, String method, String path, Set<String> documented) {
        boolean documents(int status) {
            return documented.contains(String.valueOf(status)) || documented.contains("default");
        }
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static List<String> distinct(List<String> findings) {
        return findings.stream().distinct().limit(60).toList();
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
