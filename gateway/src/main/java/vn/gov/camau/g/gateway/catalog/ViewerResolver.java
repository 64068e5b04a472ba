package vn.gov.camau.g.gateway.catalog;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gov.camau.g.gateway.identity.CallerResolver;
import vn.gov.camau.g.gateway.identity.Roles;

/**
 * The viewer of a route open to everyone: anonymous without a token, the person with one. A token
 * that is sent but invalid is refused (401), never silently taken as anonymous.
 */
@ApplicationScoped
public class ViewerResolver {

    private static final String AGENCY_CLAIM = "agency";

    private final CurrentIdentityAssociation identities;

    ViewerResolver(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Viewer> viewer() {
        return identities.getDeferredIdentity().map(ViewerResolver::viewerOf);
    }

    public static Viewer viewerOf(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Viewer.ANONYMOUS;
        }
        // A third-party app's own token sees what anyone sees.
        if (CallerResolver.isApplication(token)) {
            return Viewer.ANONYMOUS;
        }
        return person(token.getSubject(), identity.getRoles(), token.getClaim(AGENCY_CLAIM));
    }

    /** A signed-in person with the platform's roles among those the token grants. */
    public static Viewer person(String subject, Set<String> grantedRoles, String agency) {
        Set<String> roles = new TreeSet<>(grantedRoles);
        roles.retainAll(Roles.PLATFORM_ROLES);
        return new Viewer(true, subject, Set.copyOf(roles), agency);
    }
}
