package vn.gov.camau.g.sandbox.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, as the verified token (or the API key) says. {@code agency} is the official's
 * {@code agency} claim (an agency_code, see sso/README.md).
 */
public record Caller(
        String subject,
        List<String> audience,
        String authorizedParty,
        String scope,
        String username,
        String name,
        Set<String> roles,
        String agency,
        String agencyLevel,
        boolean viaApiKey) {

    public static Caller apiKey() {
        return new Caller(null, List.of(), null, null, null, null, Set.of(), null, null, true);
    }

    @JsonIgnore
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @JsonIgnore
    public boolean isCitizen() {
        return hasRole("citizen");
    }

    @JsonIgnore
    public boolean isOfficial() {
        return hasRole("official") && agency != null;
    }

    /** The agency or one under it: agency codes nest by dot-separated segments. */
    public static boolean covers(String agency, String candidate) {
        return candidate != null && agency != null && (candidate.equals(agency) || candidate.startsWith(agency + "."));
    }
}
