package vn.gov.camau.g.gateway.problem;

import java.util.List;

/** Thrown by the gateway's own code to answer with a problem; rendered by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Localized detail;
    private final List<FieldViolation> fieldErrors;

    public ProblemException(ProblemType type) {
        this(type, type.defaultDetail(), List.of());
    }

    public ProblemException(ProblemType type, Localized detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, Localized detail, List<FieldViolation> fieldErrors) {
        super(type.name(), null, false, false);
        this.type = type;
        this.detail = detail;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ProblemType type() {
        return type;
    }

    public Localized detail() {
        return detail;
    }

    public List<FieldViolation> fieldErrors() {
        return fieldErrors;
    }
}
