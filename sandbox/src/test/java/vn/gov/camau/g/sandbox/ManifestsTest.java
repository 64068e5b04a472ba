package vn.gov.camau.g.sandbox;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.sandbox.support.Contracts;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;

/**
 * The five systems' manifests (modules/declared/apps) and contracts (openapi/upstreams) agree:
 * every route the gateway may forward is in the contract, every contract route is declared, and
 * the manifest points at the sandbox and at its contract. The diagnostics routes come only from the
 * gateway's test-only routes file.
 */
class ManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path APPS = Contracts.file("mot-cua").getParent().resolve("../../modules/declared/apps");
    /** The diagnostics routes, declared for the gateway's tests only. */
    private static final Path TEST_ROUTES = APPS.resolve("../test-only/sandbox-diagnostics.yaml");

    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete");

    @Test
    void everyManifestRouteIsInTheContractAndBack() throws IOException {
        for (SandboxSystem system : SandboxSystem.values()) {
            Path file = APPS.resolve(system.id() + ".yaml");
            String text = Files.readString(file);
            assertThat(file + " starts with the sample note", text, startsWith("# SAMPLE DATA: "));
            JsonNode manifest = YAML.readTree(text);
            assertThat(manifest.path("sample").asBoolean(), is(true));
            assertThat(manifest.path("upstream").path("baseUrl").asText(), is("${camau.sandbox.url}/" + system.id()));
            assertThat(manifest.path("contract").asText(), is("openapi/upstreams/" + system.id() + ".yaml"));

            Set<String> declared = new TreeSet<>();
            manifest.path("routes")
                    .forEach(route -> declared.add(route.path("method").asText() + " "
                            + route.path("path").asText()));
            assertThat(
                    system.id() + ": a sample manifest declares no diagnostics route",
                    declared.stream().filter(route -> route.contains("/_diag")).toList(),
                    empty());
            JsonNode testRoutes = YAML.readTree(TEST_ROUTES.toFile());
            testRoutes
                    .path("routes")
                    .forEach(route -> declared.add(route.path("method").asText() + " "
                            + route.path("path").asText()));
            Set<String> contracted = new TreeSet<>();
            JsonNode paths = YAML.readTree(Contracts.text(system.id())).path("paths");
            for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
                String path = names.next();
                paths.path(path).fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        contracted.add(method.toUpperCase(Locale.ROOT) + " " + path);
                    }
                });
            }
            List<String> undeclared = new ArrayList<>(contracted);
            undeclared.removeAll(declared);
            List<String> uncontracted = new ArrayList<>(declared);
            uncontracted.removeAll(contracted);
            assertThat(system.id() + ": in the contract, not in the manifest", undeclared, empty());
            assertThat(system.id() + ": in the manifest, not in the contract", uncontracted, empty());
            assertThat(
                    system.id() + ": the home path is a GET route",
                    declared.contains(
                            "GET " + manifest.path("home").path("path").asText()),
                    is(true));
        }
    }
}
