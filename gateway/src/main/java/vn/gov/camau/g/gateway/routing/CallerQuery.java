package vn.gov.camau.g.gateway.routing;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import vn.gov.camau.g.gateway.catalog.AppManifest;
import vn.gov.camau.g.gateway.catalog.Viewer;

/**
 * The query a system gets on a route with {@code callerQuery}: the caller's own parameters without
 * any of the names the route sets, then those names with the verified caller's values. A system
 * that trusts the platform to say whose data to answer so learns it from the token alone.
 */
public final class CallerQuery {

    private CallerQuery() {}

    /**
     * @param query the caller's raw query, or null
     * @return the query to forward ("" for none), or empty when the caller lacks an attribute the
     *     route needs
     * @throws IllegalArgumentException when a parameter name is not valid percent-encoding
     */
    public static Optional<String> of(String query, Map<String, AppManifest.CallerAttribute> bound, Viewer caller) {
        if (bound.isEmpty()) {
            return Optional.of(query == null ? "" : query);
        }
        StringBuilder forwarded = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = QueryStringDecoder.decodeComponent(equals < 0 ? pair : pair.substring(0, equals));
                if (!pair.isEmpty() && !bound.containsKey(name)) {
                    forwarded.append(forwarded.isEmpty() ? "" : "&").append(pair);
                }
            }
        }
        for (Map.Entry<String, AppManifest.CallerAttribute> parameter : bound.entrySet()) {
            String value = valueOf(parameter.getValue(), caller);
            if (value == null) {
                return Optional.empty();
            }
            forwarded
                    .append(forwarded.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return Optional.of(forwarded.toString());
    }

    /** A path with the route's caller parameters (the home screen's calls, which carry no query). */
    public static Optional<String> path(String path, Map<String, AppManifest.CallerAttribute> bound, Viewer caller) {
        return of(null, bound, caller).map(query -> query.isEmpty() ? path : path + "?" + query);
    }

    private static String valueOf(AppManifest.CallerAttribute attribute, Viewer caller) {
        return switch (attribute) {
            case AGENCY -> caller.agency();
            case SUBJECT -> caller.subject();
        };
    }
}
