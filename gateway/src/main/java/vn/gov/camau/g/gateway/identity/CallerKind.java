package vn.gov.camau.g.gateway.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/** What the phone shows a caller: the admin console, the official's desk, or the citizen's services. */
public enum CallerKind {
    ADMIN,
    OFFICIAL,
    CITIZEN;

    /** An admin role outranks official, which outranks citizen; an account with no platform role is a citizen. */
    static CallerKind of(Set<String> roles) {
        if (roles.contains(Roles.PLATFORM_ADMIN) || roles.contains(Roles.AGENCY_ADMIN)) {
            return ADMIN;
        }
        if (roles.contains(Roles.OFFICIAL)) {
            return OFFICIAL;
        }
        return CITIZEN;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
