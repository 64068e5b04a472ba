package vn.gov.camau.g.gateway.routing;

import io.vertx.core.MultiMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** The headers that belong to one connection and must not cross a proxy (RFC 9110 section 7.6.1). */
final class HopByHop {

    private static final Set<String> ALWAYS = caseInsensitive(
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

    /** Header names compared as HTTP compares them, without lower-casing every name of every call. */
    static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Arrays.asList(names));
        return Collections.unmodifiableSet(set);
    }

    /**
     * Copies {@code from} into {@code to} without hop-by-hop headers, those named by Connection
     * included; {@code alsoDrop} must be {@link #caseInsensitive}.
     */
    static void copy(MultiMap from, MultiMap to, Set<String> alsoDrop) {
        Set<String> named = namedByConnection(from);
        for (var header : from) {
            String name = header.getKey();
            if (!ALWAYS.contains(name) && !named.contains(name) && !alsoDrop.contains(name)) {
                to.add(name, header.getValue());
            }
        }
    }

    private static Set<String> namedByConnection(MultiMap headers) {
        if (!headers.contains("Connection")) {
            return Set.of();
        }
        Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                named.add(token.trim());
            }
        }
        return named;
    }
}
