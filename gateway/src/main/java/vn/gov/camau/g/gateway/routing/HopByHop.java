package vn.gov.camau.g.gateway.routing;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/** The headers that belong to one connection and must not cross a proxy (RFC 9110 section 7.6.1). */
final class HopByHop {

    private static final Set<String> ALWAYS = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private HopByHop() {}

    /** Copies {@code from} into {@code to} without hop-by-hop headers, those named by Connection included. */
    static void copy(MultiMap from, MultiMap to, Set<String> alsoDrop) {
        Set<String> named = namedByConnection(from);
        for (var header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!ALWAYS.contains(name) && !named.contains(name) && !alsoDrop.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    private static Set<String> namedByConnection(MultiMap headers) {
        java.util.HashSet<String> named = new java.util.HashSet<>();
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return named;
    }
}
