package vn.gov.camau.g.gateway.problem;

/** A refused field of a request, before it is told to the caller in their language. */
public record FieldViolation(String field, Localized message) {

    Problem.FieldError in(Language language) {
        return new Problem.FieldError(field, message.in(language));
    }
}
