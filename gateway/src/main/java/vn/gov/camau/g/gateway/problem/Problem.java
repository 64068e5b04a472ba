package vn.gov.camau.g.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error response: RFC 9457 problem details, plus the request id an operator
 * needs to find the request in the logs and, for validation errors, the offending fields; for a
 * sectoral system's failure, the system's id and the status it answered (nothing else of it).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors,
        String system,
        Integer upstreamStatus) {

    /** One field of the request that was refused, named by its JSON path (e.g. {@code favouriteAppIds[3]}). */
    public record FieldError(String field, String message) {}
}
