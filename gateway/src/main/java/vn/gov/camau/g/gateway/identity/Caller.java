package vn.gov.camau.g.gateway.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The signed-in person, as GET /api/v1/me shows them.
 *
 * @param agency the agency they act for; absent for citizens
 */
public record Caller(
        String subject,
        String username,
        String displayName,
        CallerKind kind,
        List<String> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) Agency agency) {

    /** An agency of the province's tree, as the token names it. */
    public record Agency(String code, AgencyLevel level) {}
}
