package vn.gov.camau.g.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;
import vn.gov.camau.g.gateway.support.Contract;
import vn.gov.camau.g.gateway.support.Keycloak;

/**
 * Every operation of the committed contract, called by every demo account, the partner app and
 * anonymously, with ids the caller owns and ids they do not: each answer's status must be the one
 * {@code authorization-matrix.tsv} (beside this test's resources) expects. A contract operation
 * without a row fails the test, so a new route cannot skip the table. On a mismatch the test prints
 * the whole table as measured, to compare line by line.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final Path TABLE = Path.of("src/test/resources/security/authorization-matrix.tsv");
    private static final List<String> ACCOUNTS =
            List.of("congdan", "congdan2", "canbo.tinh", "canbo.huyen", "canbo.xa", "quantri.donvi", "quantri");
    private static final String ANONYMOUS = "anonymous";
    private static final String PARTNER = "demo-partner-app";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** {@code {dossier:congdan}}: an id the named account owns, found through the gateway as that account. */
    private static final Pattern OWNED = Pattern.compile("\\{(dossier|document|meeting):([a-z.0-9]+)}");

    private static final Map<String, String[]> OWNED_LISTS = Map.of(
            "dossier", new String[] {"/api/v1/apps/mot-cua/api/dossiers", "items[0].code"},
            "document", new String[] {"/api/v1/apps/van-ban/api/documents", "items[0].id"},
            "meeting", new String[] {"/api/v1/apps/hop-truc-tuyen/api/meetings?range=all", "items[0].id"});

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() throws IOException {
        List<String> lines = Files.readAllLines(TABLE);
        String[] header = lines.get(0).substring(1).trim().split("\t");
        List<String> callers = List.of(header).subList(4, header.length);
        assertEquals(List.of(ANONYMOUS, PARTNER).size() + ACCOUNTS.size(), callers.size(), "one column per caller");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String account : ACCOUNTS) {
            tokens.put(account, Keycloak.accessToken(account));
        }
        tokens.put(PARTNER, Keycloak.partnerAppToken());

        Set<String> covered = new TreeSet<>();
        List<String> measured = new ArrayList<>(List.of(lines.get(0)));
        List<String> mismatches = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                measured.add(line);
                continue;
            }
            String[] cells = line.split("\t");
            String operation = cells[0];
            String method = cells[1];
            String path = resolve(cells[2]);
            String body = cells[3];
            covered.add(operation);
            StringBuilder row = new StringBuilder(String.join("\t", cells[0], cells[1], cells[2], cells[3]));
            for (int i = 0; i < callers.size(); i++) {
                String caller = callers.get(i);
                RequestSpecification request = RestAssured.given().filter(Contract.responses());
                if (!caller.equals(ANONYMOUS)) {
                    request.header("Authorization", "Bearer " + tokens.get(caller));
                }
                if (!body.equals("-")) {
                    request.contentType("application/json").body(body);
                }
                Response answer = request.request(method, path);
                int expected = Integer.parseInt(cells[4 + i]);
                row.append('\t').append(answer.statusCode());
                if (answer.statusCode() != expected) {
                    mismatches.add(operation + " " + method + " " + cells[2] + " as " + caller + ": expected "
                            + expected + ", got " + answer.statusCode() + " " + abbreviated(answer.asString()));
                }
            }
            measured.add(row.toString());
        }
        Set<String> missing = new TreeSet<>(contractOperations());
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "operations of the contract with no row in " + TABLE + ": " + missing);
        assertTrue(
                mismatches.isEmpty(),
                String.join("\n", mismatches) + "\n\nThe table as measured:\n" + String.join("\n", measured));
    }

    /** Replaces {@code {kind:account}} with an id that account owns. */
    private static String resolve(String path) {
        Matcher owned = OWNED.matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (owned.find()) {
            String[] list = OWNED_LISTS.get(owned.group(1));
            String id = Api.as(owned.group(2))
                    .get(list[0])
                    .then()
                    .statusCode(200)
                    .extract()
                    .path(list[1]);
            owned.appendReplacement(resolved, Matcher.quoteReplacement(id));
        }
        owned.appendTail(resolved);
        return resolved.toString();
    }

    private static Set<String> contractOperations() throws IOException {
        JsonNode paths =
                new ObjectMapper(new YAMLFactory()).readTree(Contract.text()).path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> each = paths.fields(); each.hasNext(); ) {
            each.next().getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(operation.getValue().path("operationId").asText());
                }
            });
        }
        return operations;
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
