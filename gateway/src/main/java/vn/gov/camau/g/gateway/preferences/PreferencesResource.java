package vn.gov.camau.g.gateway.preferences;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import vn.gov.camau.g.gateway.http.ConditionalRequests;
import vn.gov.camau.g.gateway.idempotency.IdempotencyKeys;
import vn.gov.camau.g.gateway.identity.CallerResolver;
import vn.gov.camau.g.gateway.identity.PeopleOnly;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/** The signed-in person's language, favourite apps and notification choices. */
@Path("/api/v1/me/preferences")
@Authenticated
@PeopleOnly
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private final SecurityIdentity identity;
    private final CallerResolver callers;
    private final PreferencesService preferences;

    PreferencesResource(SecurityIdentity identity, CallerResolver callers, PreferencesService preferences) {
        this.identity = identity;
        this.callers = callers;
        this.preferences = preferences;
    }

    @GET
    public Uni<Response> read(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return preferences.read(callers.subject(identity)).map(current -> {
            if (ConditionalRequests.noneMatchHolds(ifNoneMatch, current.etag())) {
                return Response.notModified()
                        .header(HttpHeaders.ETAG, current.etag())
                        .build();
            }
            return Response.ok(current.document())
                    .header(HttpHeaders.ETAG, current.etag())
                    .build();
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replace(
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers,
            @NotNull(message = "Cần gửi nội dung JSON.|Send a JSON body.") @Valid PreferencesDocument body) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED);
        }
        Optional<Set<Long>> expected = ETags.parseIfMatch(ifMatch);
        // Read raw: the header parameter would turn an empty key into none.
        Optional<String> key = IdempotencyKeys.parse(headers.getRequestHeader(IdempotencyKeys.HEADER));
        String subject = callers.subject(identity);
        return preferences
                .replace(subject, expected, body, key)
                .onFailure(lost -> key.isPresent()
                        && lost instanceof ProblemException problem
                        && problem.type() == ProblemType.PRECONDITION_FAILED)
                .recoverWithUni(lost -> preferences
                        .replayOfRace(subject, key.get(), body)
                        .map(replay -> replay.orElseThrow(() -> (ProblemException) lost)))
                .map(replaced -> {
                    Response.ResponseBuilder response =
                            Response.ok(replaced.body()).header(HttpHeaders.ETAG, replaced.etag());
                    if (replaced.replayed()) {
                        response.header(IdempotencyKeys.REPLAYED_HEADER, "true");
                    }
                    return response.build();
                });
    }
}
