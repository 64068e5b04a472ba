package vn.gov.camau.g.gateway.preferences;

import java.util.Optional;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/** Strong ETags made from a stored version: {@code "3"}. */
final class ETags {

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header names: empty for {@code *} (any version). A header that names
     * no version this server could have made can never match, so it fails the precondition.
     */
    static Optional<Long> parseIfMatch(String header) {
        String value = header.trim();
        if (value.equals("*")) {
            return Optional.empty();
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
        try {
            return Optional.of(Long.parseLong(value.substring(1, value.length() - 1)));
        } catch (NumberFormatException notOurs) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
    }
}
