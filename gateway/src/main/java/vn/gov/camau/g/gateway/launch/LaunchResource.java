package vn.gov.camau.g.gateway.launch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import vn.gov.camau.g.gateway.catalog.AppManifest;
import vn.gov.camau.g.gateway.catalog.Catalog;
import vn.gov.camau.g.gateway.catalog.Viewer;
import vn.gov.camau.g.gateway.catalog.ViewerResolver;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;
import vn.gov.camau.g.gateway.routing.ProxyHandler;
import vn.gov.camau.g.gateway.signon.SignOnRefusedException;
import vn.gov.camau.g.gateway.signon.SystemTokens;

/**
 * Opening a system from the phone with single sign-on: its launch URL and, for a system that
 * takes one, a token for the same person whose audience is that system (RFC 8693 exchange), so an
 * official opens any of their systems without signing in again.
 */
@Path("/api/v1/apps/{id}/launch")
@Produces(MediaType.APPLICATION_JSON)
public class LaunchResource {

    private static final Localized UNKNOWN =
            new Localized("Không có hệ thống nào với mã này.", "There is no system with this id.");
    private static final Localized NOT_YOURS =
            new Localized("Tài khoản của bạn không được mở hệ thống này.", "Your account may not open this system.");
    private static final Localized NOT_LAUNCHED = new Localized(
            "Hệ thống này không mở trên điện thoại: nó chỉ được liệt kê, hoặc được dùng qua API của Cà Mau G.",
            "This system is not opened on the phone: it is only listed, or used through Cà Mau G's API.");

    private final Catalog catalog;
    private final ViewerResolver viewers;
    private final SystemTokens tokens;

    LaunchResource(Catalog catalog, ViewerResolver viewers, SystemTokens tokens) {
        this.catalog = catalog;
        this.viewers = viewers;
        this.tokens = tokens;
    }

    @POST
    public Uni<Launch> launch(@PathParam("id") String id, @Context HttpServerRequest request) {
        AppManifest app = catalog.current()
                .enabled(id)
                .map(entry -> entry.manifest())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, UNKNOWN));
        String callerToken = ProxyHandler.bearerToken(request);
        return viewers.viewer().chain(viewer -> launch(app, viewer, callerToken));
    }

    private Uni<Launch> launch(AppManifest app, Viewer viewer, String callerToken) {
        if (!viewer.mayOpen(app)) {
            // A token that got this far is valid (an application's own, say): signing in would not help.
            throw new ProblemException(
                    callerToken != null ? ProblemType.FORBIDDEN : ProblemType.UNAUTHORIZED, NOT_YOURS);
        }
        if (app.launchUrl() == null) {
            throw new ProblemException(ProblemType.CONFLICT, NOT_LAUNCHED);
        }
        String kind = app.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (!takesToken(app) || !viewer.signedIn()) {
            return Uni.createFrom().item(new Launch(app.id(), kind, app.launchUrl(), null));
        }
        return tokens.exchange(callerToken, app.id())
                .map(issued -> new Launch(
                        app.id(),
                        kind,
                        app.launchUrl(),
                        new LaunchToken(
                                issued.accessToken(), "Bearer", issued.expiresIn(), tokens.audienceOf(app.id()))))
                .onFailure(SignOnRefusedException.class)
                .transform(refused -> new ProblemException(ProblemType.SIGN_ON_REFUSED));
    }

    /** A system takes a token when Keycloak knows it as an audience: its manifest says exchange. */
    private static boolean takesToken(AppManifest app) {
        return app.upstream() != null && app.upstream().auth() == AppManifest.AuthMode.EXCHANGE;
    }

    /** What the phone opens, and the token to hand the system when it takes one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Launch(String id, String kind, String launchUrl, LaunchToken token) {}

    /** An access token for the same person, whose audience is the system. */
    public record LaunchToken(String accessToken, String tokenType, long expiresIn, String audience) {}
}
