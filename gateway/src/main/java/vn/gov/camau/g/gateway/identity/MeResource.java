package vn.gov.camau.g.gateway.identity;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who the phone is signed in as. */
@Path("/api/v1/me")
@Authenticated
@PeopleOnly
public class MeResource {

    private final SecurityIdentity identity;
    private final CallerResolver callers;

    MeResource(SecurityIdentity identity, CallerResolver callers) {
        this.identity = identity;
        this.callers = callers;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public Caller me() {
        return callers.resolve(identity);
    }
}
