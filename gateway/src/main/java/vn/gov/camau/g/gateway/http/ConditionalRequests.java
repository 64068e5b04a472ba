package vn.gov.camau.g.gateway.http;

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

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
