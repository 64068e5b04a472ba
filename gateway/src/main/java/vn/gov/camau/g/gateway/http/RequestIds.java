package vn.gov.camau.g.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        String id = offered != null && SAFE.matcher(offered).matches() ? offered : randomUuid();
        request.headers().set(HEADER, id);
        return id;
    }

    /**
     * A version-4 UUID from ThreadLocalRandom: an id must be unique, not unguessable, and
     * UUID.randomUUID's SecureRandom was a visible share of a proxied call's CPU.
     */
    private static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String of(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        return id != null ? id : assign(request);
    }
}
