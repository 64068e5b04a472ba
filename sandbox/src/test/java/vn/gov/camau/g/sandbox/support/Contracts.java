package vn.gov.camau.g.sandbox.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every response a test receives against the system's committed upstream contract,
 * openapi/upstreams/&lt;system&gt;.yaml. Requests are not checked: tests send bad ones on purpose.
 */
public final class Contracts {

    private static final Path DIRECTORY = Path.of(System.getProperty("camau.contracts", "../openapi/upstreams"));
    private static final Map<String, OpenApiValidationFilter> FILTERS = new ConcurrentHashMap<>();

    private Contracts() {}

    /** A rest-assured filter that fails the test when a response of this system does not fit its contract. */
    public static OpenApiValidationFilter of(String system) {
        return FILTERS.computeIfAbsent(
                system,
                id -> new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(text(id))
                        .withBasePathOverride("/" + id)
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .build())
                        .build()));
    }

    public static Path file(String system) {
        return DIRECTORY.resolve(system + ".yaml");
    }

    public static String text(String system) {
        try {
            return Files.readString(file(system));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(
                    "The contract " + file(system).toAbsolutePath() + " cannot be read", unreadable);
        }
    }
}
