package vn.gov.camau.g.gateway.home;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.gov.camau.g.gateway.catalog.ViewerResolver;
import vn.gov.camau.g.gateway.http.ConditionalRequests;
import vn.gov.camau.g.gateway.problem.Language;
import vn.gov.camau.g.gateway.routing.ProxyHandler;

/** The phone's home screen: a section from every system that contributes one to this caller. */
@Path("/api/v1/home")
@Produces(MediaType.APPLICATION_JSON)
public class HomeResource {

    private final ViewerResolver viewers;
    private final HomeService home;
    private final ObjectMapper json;

    HomeResource(ViewerResolver viewers, HomeService home, ObjectMapper json) {
        this.viewers = viewers;
        this.home = home;
        this.json = json;
    }

    @GET
    public Uni<Response> home(
            @Context HttpServerRequest request,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        String callerToken = ProxyHandler.bearerToken(request);
        return viewers.viewer()
                .chain(viewer -> home.sections(viewer, callerToken, language))
                .map(sections ->
                        render(new HomeView(language.tag(), home.budget().toMillis(), sections), ifNoneMatch));
    }

    private Response render(HomeView view, String ifNoneMatch) {
        // The ETag ignores when sections were fetched: an unchanged screen is a 304 however often it is refreshed.
        String etag = ConditionalRequests.weakETagOf(write(new HomeView(
                view.language(),
                view.budgetMs(),
                view.sections().stream()
                        .map(s -> new HomeSection(
                                s.id(), s.system(), s.title(), s.status(), s.upstreamStatus(), s.data(), null))
                        .toList())));
        return ConditionalRequests.okOrNotModified(write(view), etag, ifNoneMatch, "Accept-Language, Authorization");
    }

    private String write(HomeView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The home screen: its sections in a stable order, and the budget they were fetched under. */
    public record HomeView(String language, long budgetMs, List<HomeSection> sections) {}
}
