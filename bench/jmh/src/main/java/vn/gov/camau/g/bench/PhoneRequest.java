package vn.gov.camau.g.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.lang.reflect.Proxy;

/**
 * What a phone sends with a proxied call: its headers in a Vert.x {@code HeadersMultiMap} (what the
 * server decodes a request into), and a stand-in {@link HttpServerRequest} answering the few
 * methods the measured code calls (path, headers, getHeader, method) from them. The stand-in is a
 * {@link Proxy}: a few nanoseconds of dispatch per call, counted in the results.
 */
public final class PhoneRequest {

    public static final String PATH = "/api/v1/apps/mot-cua/api/dossiers/HS-2026-000123";
    public static final String REQUEST_ID = "3f6c1d2e-8a4b-4c7d-9e10-5b2a7c9d0e41";

    private PhoneRequest() {}

    /** The headers of {@code GET PATH} from the Android app, with this bearer token. */
    public static MultiMap headers(String token) {
        MultiMap headers = HttpHeaders.headers();
        headers.add("Host", "g.camau.gov.vn");
        headers.add("User-Agent", "CaMauG/1.4.2 (Android 14; SM-A546E) okhttp/4.12.0");
        headers.add("Accept", "application/json");
        headers.add("Accept-Encoding", "gzip");
        headers.add("Accept-Language", "vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7");
        headers.add("Authorization", "Bearer " + token);
        headers.add("X-Request-Id", REQUEST_ID);
        headers.add("Connection", "keep-alive");
        headers.add("Content-Type", "application/json; charset=utf-8");
        return headers;
    }

    /** A request for {@code path} carrying {@code headers}; any other method throws. */
    public static HttpServerRequest of(String path, MultiMap headers) {
        return (HttpServerRequest) Proxy.newProxyInstance(
                PhoneRequest.class.getClassLoader(),
                new Class<?>[] {HttpServerRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "path", "uri" -> path;
                    case "headers" -> headers;
                    case "getHeader" -> headers.get((CharSequence) args[0]);
                    case "method" -> HttpMethod.GET;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "GET " + path;
                    default -> throw new UnsupportedOperationException("Not in the stand-in request: " + method);
                });
    }
}
