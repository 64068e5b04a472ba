package vn.gov.camau.g.sandbox.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The sectoral systems' own error shape (not problem+json, as a real upstream would not use it):
 * {@code {"error": "invalid_token", "message": "…(vi)", "messageEn": "…", "status": 401, "system": "mot-cua"}}.
 */
public record ErrorBody(String error, String message, String messageEn, int status, String system) {

    /** Answers the error on a raw Vert.x route. */
    public void send(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(JsonObject.mapFrom(this).encode());
    }
}
