package vn.gov.camau.g.gateway.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.gov.camau.g.gateway.problem.FieldViolation;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/**
 * Reads a manifest (YAML or JSON) and checks it against the manifest schema and the rules a
 * schema cannot say. A manifest that fails is refused whole, naming every offending field.
 */
@ApplicationScoped
public class ManifestReader {

    static final String SCHEMA_RESOURCE = "META-INF/camau/app-manifest.schema.json";

    private static final Localized DUPLICATE_ROUTE =
            new Localized("Tuyến này đã được khai báo ở trên.", "This route is already declared above.");
    private static final Localized NOT_A_MANIFEST =
            new Localized("Không đọc được bản khai báo.", "The manifest cannot be read.");

    /** Draft 2020-12 only annotates {@code format}; a manifest's icon must really be a URI. */
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper json;
    private final JsonSchema schema;

    ManifestReader(ObjectMapper json) {
        this.json = json;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The manifest schema " + SCHEMA_RESOURCE + " is not on the classpath");
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, ASSERT_FORMATS);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A manifest from a file's text (YAML is a superset of JSON). */
    public AppManifest readText(String text) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (IOException malformed) {
            throw invalid(List.of(new FieldViolation("$", NOT_A_MANIFEST)));
        }
        return read(tree);
    }

    /** A manifest from an already parsed JSON tree (an admin's request body). */
    public AppManifest read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw invalid(List.of(new FieldViolation("$", NOT_A_MANIFEST)));
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(tree)) {
            violations.add(new FieldViolation(fieldOf(message), describe(message)));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(FieldViolation::field));
            throw invalid(violations);
        }
        AppManifest manifest;
        try {
            manifest = json.treeToValue(tree, AppManifest.class);
        } catch (JsonProcessingException impossible) {
            throw invalid(List.of(new FieldViolation("$", NOT_A_MANIFEST)));
        }
        refuseDuplicateRoutes(manifest);
        return manifest;
    }

    /** The manifest as stored: canonical JSON. */
    public String write(AppManifest manifest) {
        try {
            return json.writeValueAsString(manifest);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A manifest failed to serialize", impossible);
        }
    }

    /** A stored manifest, trusted: it passed this reader when it was stored. */
    public AppManifest stored(String canonical) {
        try {
            return json.readValue(canonical, AppManifest.class);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("A stored manifest cannot be read", corrupt);
        }
    }

    private static void refuseDuplicateRoutes(AppManifest manifest) {
        Set<String> seen = new HashSet<>();
        List<FieldViolation> duplicates = new ArrayList<>();
        List<AppManifest.Route> routes = manifest.routesOrEmpty();
        for (int i = 0; i < routes.size(); i++) {
            AppManifest.Route route = routes.get(i);
            if (!seen.add(route.method() + " " + route.path())) {
                duplicates.add(new FieldViolation("routes[" + i + "]", DUPLICATE_ROUTE));
            }
        }
        if (!duplicates.isEmpty()) {
            throw invalid(duplicates);
        }
    }

    /** {@code $.upstream.timeout} → {@code upstream.timeout}; a missing property is named itself. */
    private static String fieldOf(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String field = location.startsWith("$.")
                ? location.substring(2)
                : location.startsWith("$") ? location.substring(1) : location;
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        return field.isEmpty() ? "$" : field;
    }

    private static Localized describe(ValidationMessage message) {
        String type = message.getType();
        return switch (type == null ? "" : type) {
            case "required" -> new Localized("Thiếu trường bắt buộc.", "This field is required.");
            case "additionalProperties" ->
                new Localized(
                        "Trường này không có trong định dạng khai báo.",
                        "This field is not part of the manifest format.");
            case "enum", "const" ->
                new Localized("Giá trị không nằm trong danh sách cho phép.", "The value is not one of those allowed.");
            case "pattern" ->
                new Localized("Giá trị không đúng định dạng.", "The value does not have the required form.");
            case "type" -> new Localized("Giá trị có kiểu dữ liệu không đúng.", "The value has the wrong type.");
            default ->
                new Localized(
                        "Giá trị không hợp lệ: " + message.getMessage(), "Invalid value: " + message.getMessage());
        };
    }

    private static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(
                ProblemType.VALIDATION_FAILED,
                new Localized(
                        "Bản khai báo hệ thống không hợp lệ; không có gì được thay đổi.",
                        "The system manifest is invalid; nothing was changed."),
                violations);
    }
}
