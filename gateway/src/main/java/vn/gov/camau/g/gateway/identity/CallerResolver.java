package vn.gov.camau.g.gateway.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads who is calling from the verified access token: no call to Keycloak is made. */
@ApplicationScoped
public class CallerResolver {

    static final String AGENCY_CLAIM = "agency";
    static final String AGENCY_LEVEL_CLAIM = "agency_level";

    public Caller resolve(SecurityIdentity identity) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(Roles.PLATFORM_ROLES);
        return new Caller(
                token.getSubject(),
                token.getClaim("preferred_username"),
                displayName(token),
                CallerKind.of(roles),
                roles.stream().toList(),
                agency(token));
    }

    /** The subject a caller's own data is stored under. */
    public String subject(SecurityIdentity identity) {
        return ((JsonWebToken) identity.getPrincipal()).getSubject();
    }

    private static String displayName(JsonWebToken token) {
        String name = token.getClaim("name");
        return name != null && !name.isBlank() ? name : token.getClaim("preferred_username");
    }

    private static Caller.Agency agency(JsonWebToken token) {
        String code = token.getClaim(AGENCY_CLAIM);
        if (code == null || code.isBlank()) {
            return null;
        }
        return AgencyLevel.parse(token.getClaim(AGENCY_LEVEL_CLAIM))
                .map(level -> new Caller.Agency(code, level))
                .orElse(null);
    }
}
