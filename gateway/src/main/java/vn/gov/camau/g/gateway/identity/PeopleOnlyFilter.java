package vn.gov.camau.g.gateway.identity;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/** Refuses an application's own token on a {@link PeopleOnly} resource: valid, but it has no "me". */
public class PeopleOnlyFilter {

    private final CurrentIdentityAssociation identities;

    PeopleOnlyFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** Runs after the route's own authentication check (no token: 401) and before its body is read. */
    @PeopleOnly
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    Uni<Response> refuseApplications() {
        return identities.getDeferredIdentity().map(identity -> {
            if (!identity.isAnonymous()
                    && identity.getPrincipal() instanceof JsonWebToken token
                    && CallerResolver.isApplication(token)) {
                throw new ProblemException(ProblemType.FORBIDDEN, CallerResolver.APPS_HAVE_NO_ME);
            }
            return null;
        });
    }
}
