package vn.gov.camau.g.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;

/** Every error a system answers is in the systems' own JSON shape ({@link ErrorBody}), never empty. */
@ApplicationScoped
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** After every route, Quarkus REST's included (it sits at ROUTE_ORDER_AFTER_DEFAULT + 500). */
    static final int FALLBACK_ORDER = io.quarkus.vertx.http.runtime.RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 5000;

    /** A path under a system that no route serves: the system's own 404, after every route had its chance. */
    void notFoundFallback(@Observes Router router) {
        router.route().order(FALLBACK_ORDER).handler(this::noRoute);
    }

    private void noRoute(RoutingContext ctx) {
        var system = SandboxSystem.ofPath(ctx.normalizedPath());
        if (system.isEmpty() || ctx.response().ended()) {
            ctx.next();
            return;
        }
        new ErrorBody(
                        "not_found",
                        "Không có đường dẫn này.",
                        "No such route.",
                        404,
                        system.get().id())
                .send(ctx);
    }

    @ServerExceptionMapper
    public Response system(SystemException e, UriInfo uri) {
        return answer(new ErrorBody(e.error(), e.messageVi(), e.getMessage(), e.status(), systemOf(uri)));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** Named too: Quarkus maps this subtype itself (to an empty 400) and the closest type wins. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String error = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        String vi = status == 400
                ? "Không đọc được yêu cầu (JSON sai cú pháp?)."
                : "Yêu cầu không được chấp nhận (" + status + ").";
        String en = status == 400 ? "The request could not be read (malformed JSON?)." : e.getMessage();
        return answer(new ErrorBody(error, vi, en, status, systemOf(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Unexpected failure", e);
        return answer(new ErrorBody("internal_error", "Lỗi hệ thống.", "Internal error.", 500, systemOf(uri)));
    }

    private Response badJson(Exception e, UriInfo uri) {
        String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return answer(new ErrorBody(
                "bad_request", "Dữ liệu JSON không hợp lệ.", "Invalid JSON: " + detail, 400, systemOf(uri)));
    }

    private static Response answer(ErrorBody body) {
        return Response.status(body.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .entity(body)
                .build();
    }

    private static String systemOf(UriInfo uri) {
        String path = uri.getPath();
        return SandboxSystem.ofPath(path.startsWith("/") ? path : "/" + path)
                .map(SandboxSystem::id)
                .orElse("sandbox");
    }
}
