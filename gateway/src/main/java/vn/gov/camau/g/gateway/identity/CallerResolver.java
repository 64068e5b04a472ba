package vn.gov.camau.g.gateway.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/** Reads who is calling from the verified access token: no call to Keycloak is made. */
@ApplicationScoped
public class CallerResolver {

    public static final String AGENCY_CLAIM = "agency";
    static final String AGENCY_LEVEL_CLAIM = "agency_level";
    private static final String USERNAME_CLAIM = "preferred_username";
    /** Keycloak puts it in the tokens of a client's own service account, never in a person's. */
    private static final String CLIENT_ID_CLAIM = "client_id";

    static final Localized APPS_HAVE_NO_ME = new Localized(
            "Chức năng này dành cho người dùng đã đăng nhập, không dành cho mã truy cập của ứng dụng.",
            "This is for signed-in people, not for an application's own token.");

    public Caller resolve(SecurityIdentity identity) {
        JsonWebToken token = person(identity);
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(Roles.PLATFORM_ROLES);
        return new Caller(
                token.getSubject(),
                token.getClaim(USERNAME_CLAIM),
                displayName(token),
                CallerKind.of(roles),
                roles.stream().toList(),
                agency(token));
    }

    /** The subject a caller's own data is stored under. */
    public String subject(SecurityIdentity identity) {
        return person(identity).getSubject();
    }

    /**
     * The token of a signed-in person. A third-party app's own token (client credentials) has no
     * "me": it is refused with 403 rather than shown as a nameless citizen.
     */
    private static JsonWebToken person(SecurityIdentity identity) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        if (isApplication(token)) {
            throw new ProblemException(ProblemType.FORBIDDEN, APPS_HAVE_NO_ME);
        }
        return token;
    }

    /**
     * Whether a token is a third-party app's own (client credentials): Keycloak marks those with
     * {@code client_id} and gives them no username.
     */
    public static boolean isApplication(JsonWebToken token) {
        return isApplication(token.containsClaim(CLIENT_ID_CLAIM), token.getClaim(USERNAME_CLAIM));
    }

    static boolean isApplication(boolean hasClientIdClaim, String username) {
        return hasClientIdClaim || username == null;
    }

    private static String displayName(JsonWebToken token) {
        String name = token.getClaim("name");
        return name != null && !name.isBlank() ? name : token.getClaim(USERNAME_CLAIM);
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
