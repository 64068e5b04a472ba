package vn.gov.camau.g.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: taken from the caller's {@code X-Request-Id} when it is a safe
 * token, otherwise made here; echoed on every response and put in every problem body.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {}

    /** Makes sure the request carries a usable id (so every later layer reads the same one). */
    static String assign(HttpServerRequest request) {
        String offered = request.getHeader(HEADER);
        String id = offered != null && SAFE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        request.headers().set(HEADER, id);
        return id;
    }

    public static String of(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        return id != null ? id : assign(request);
    }
}
