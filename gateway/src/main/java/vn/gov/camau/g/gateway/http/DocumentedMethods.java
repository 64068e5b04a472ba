package vn.gov.camau.g.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which methods each of the gateway's paths takes, read from the contract it serves
 * (openapi/gateway.yaml): GET also means HEAD, and every path takes OPTIONS. The edge answers a
 * method a path does not list with 405 and Allow, and OPTIONS itself, so that Quarkus REST (whose
 * 405 carries no Allow, and which answers 404 when two resources share a path prefix) and the
 * extensions behind /q/ (which take any method) never have to.
 */
public final class DocumentedMethods {

    static final String CONTRACT = "META-INF/openapi/gateway.yaml";

    /** The order Allow lists them in. */
    private static final List<HttpMethod> ORDER = List.of(
            HttpMethod.GET,
            HttpMethod.HEAD,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.OPTIONS);

    private final List<DocumentedPath> paths;

    private DocumentedMethods(List<DocumentedPath> paths) {
        this.paths = List.copyOf(paths);
    }

    /** One path template of the contract, as a pattern, and its Allow header. */
    record DocumentedPath(Pattern pattern, Set<HttpMethod> methods, String allow) {}

    static DocumentedMethods fromContract() {
        try (InputStream contract = DocumentedMethods.class.getClassLoader().getResourceAsStream(CONTRACT)) {
            if (contract == null) {
                throw new IllegalStateException("The contract " + CONTRACT + " is not on the class path");
            }
            return of(new ObjectMapper(new YAMLFactory()).readTree(contract));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The contract " + CONTRACT + " cannot be read", unreadable);
        }
    }

    static DocumentedMethods of(JsonNode contract) {
        List<DocumentedPath> paths = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : contract.path("paths").properties()) {
            Set<HttpMethod> methods = new LinkedHashSet<>();
            for (HttpMethod method : ORDER) {
                if (path.getValue().has(method.name().toLowerCase(Locale.ROOT))) {
                    methods.add(method);
                }
            }
            if (methods.contains(HttpMethod.GET)) {
                methods.add(HttpMethod.HEAD);
            }
            methods.add(HttpMethod.OPTIONS);
            List<String> allow = ORDER.stream()
                    .filter(methods::contains)
                    .map(HttpMethod::name)
                    .toList();
            paths.add(new DocumentedPath(
                    PathTemplate.compile(path.getKey()), Set.copyOf(methods), String.join(", ", allow)));
        }
        return new DocumentedMethods(paths);
    }

    /** The documented path a request path falls under, or null when the contract has none. */
    DocumentedPath find(String normalizedPath) {
        for (DocumentedPath path : paths) {
            if (path.pattern().matcher(normalizedPath).matches()) {
                return path;
            }
        }
        return null;
    }
}
