package vn.gov.camau.g.gateway.http;

import java.util.List;
import java.util.Locale;

/**
 * What a request's {@code Accept} says about the two types the gateway's own API answers in:
 * {@code application/json} for results and {@code application/problem+json} for errors. Each is
 * weighed by the most specific range that names it (RFC 9110 §12.5.1), so {@code
 * application/json;q=0, *}{@code /*} refuses JSON although {@code *}{@code /*} alone would take it.
 */
public enum AcceptedMedia {
    /** JSON is acceptable (no Accept at all, or one that takes it): the ordinary case. */
    JSON,
    /** JSON is refused but problems are taken: the caller can be told what went wrong, nothing more. */
    PROBLEMS_ONLY,
    /** Neither is acceptable: 406. */
    NEITHER;

    private static final String JSON_TYPE = "application/json";
    private static final String PROBLEM_TYPE = "application/problem+json";

    public static AcceptedMedia of(List<String> acceptHeaders) {
        if (acceptHeaders.isEmpty()) {
            return JSON;
        }
        double json = quality(acceptHeaders, JSON_TYPE);
        if (json > 0) {
            return JSON;
        }
        return quality(acceptHeaders, PROBLEM_TYPE) > 0 ? PROBLEMS_ONLY : NEITHER;
    }

    /** Whether /q/metrics can answer: in Prometheus text or OpenMetrics. */
    static boolean takesMetrics(List<String> acceptHeaders) {
        return acceptHeaders.isEmpty()
                || quality(acceptHeaders, "text/plain") > 0
                || quality(acceptHeaders, "application/openmetrics-text") > 0;
    }

    /** The quality of the most specific range that matches the type; 0 when none does. */
    static double quality(List<String> acceptHeaders, String type) {
        String main = type.substring(0, type.indexOf('/'));
        int bestSpecificity = -1;
        double best = 0;
        for (String header : acceptHeaders) {
            for (String element : header.split(",")) {
                String[] parts = element.split(";");
                String range = parts[0].trim().toLowerCase(Locale.ROOT);
                int specificity = range.equals(type) ? 2 : range.equals(main + "/*") ? 1 : range.equals("*/*") ? 0 : -1;
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    best = qualityOf(parts);
                }
            }
        }
        return best;
    }

    /** An unreadable weight counts as 1, as if absent: a typo should not turn into a refusal. */
    private static double qualityOf(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2
                    && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 1;
                } catch (NumberFormatException unreadable) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
