package vn.gov.camau.g.gateway.http;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/**
 * A caller whose Accept takes {@code application/problem+json} but not JSON is told what went
 * wrong (404, 405, 415, 401, 403 …) like any other; a request that gets past all of that could
 * only be answered with JSON, so it is 406 here, before its body is read or anything is written.
 */
public class NotAcceptableFilter {

    private final CurrentVertxRequest current;
    private final CurrentIdentityAssociation identities;

    NotAcceptableFilter(CurrentVertxRequest current, CurrentIdentityAssociation identities) {
        this.current = current;
        this.identities = identities;
    }

    /** After the other request filters (priorities run low to high), so their refusals come first. */
    @ServerRequestFilter(priority = Priorities.USER + 1000)
    Uni<Response> refuseWhatOnlyJsonCouldAnswer() {
        RoutingContext context = current.getCurrent();
        if (context == null || context.get(EdgeFilter.PROBLEMS_ONLY) == null) {
            return Uni.createFrom().nullItem();
        }
        // A route open to everyone judges a sent token only when asked: ask, so a bad one is 401.
        return identities.getDeferredIdentity().map(identity -> {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE);
        });
    }
}
