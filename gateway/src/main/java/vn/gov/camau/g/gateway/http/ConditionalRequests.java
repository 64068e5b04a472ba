package vn.gov.camau.g.gateway.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** ETags and If-None-Match, so a phone on a weak link downloads only what changed. */
public final class ConditionalRequests {

    private ConditionalRequests() {}

    /**
     * Whether an If-None-Match header already holds this ETag (weak comparison, RFC 9110 13.1.2:
     * {@code W/"x"} matches {@code "x"}).
     */
    public static boolean noneMatchHolds(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || opaque(value).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** A weak ETag of a body: weak, because compression changes the bytes but not the meaning. */
    public static String weakETagOf(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * 200 with a JSON body, or 304 without one when If-None-Match already holds its ETag; both
     * carry the ETag and what the answer varies by, so caches on the way keep callers apart.
     */
    public static Response okOrNotModified(String body, String etag, String ifNoneMatch, String vary) {
        Response.ResponseBuilder answer = noneMatchHolds(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return answer.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.VARY, vary)
                .build();
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
