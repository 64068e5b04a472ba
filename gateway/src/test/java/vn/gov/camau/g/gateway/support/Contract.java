package vn.gov.camau.g.gateway.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks every response a test receives against the committed contract, openapi/gateway.yaml.
 * Requests are not checked: many tests send what the contract forbids on purpose.
 */
public final class Contract {

    private static final Path FILE = Path.of(System.getProperty("camau.contract", "../openapi/gateway.yaml"));

    private static final OpenApiValidationFilter RESPONSES =
            new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(text())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private Contract() {}

    /** A rest-assured filter that fails the test when a response does not fit the contract. */
    public static OpenApiValidationFilter responses() {
        return RESPONSES;
    }

    public static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The contract " + FILE.toAbsolutePath() + " cannot be read", unreadable);
        }
    }
}
