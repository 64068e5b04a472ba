package vn.gov.camau.g.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Finds the platform's own credential (an API key, the platform's token) in what a system answers,
 * so a system that reflects request headers, as diagnostics and careless error pages do, can never
 * hand it to a caller. A body is checked as it streams, across chunk boundaries.
 */
final class CredentialEcho {

    private final byte[] secret;
    /** The end of the previous chunk: a credential split across two chunks is still found. */
    private byte[] tail = new byte[0];

    CredentialEcho(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("An empty credential cannot be looked for");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    static boolean inHeaders(MultiMap headers, String secret) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().contains(secret) || header.getValue().contains(secret)) {
                return true;
            }
        }
        return false;
    }

    static boolean inBody(Buffer body, String secret) {
        return new CredentialEcho(secret).foundIn(body);
    }

    /** How many bytes at the end of a clean body so far could still begin the credential. */
    int holdBack() {
        return secret.length - 1;
    }

    /** Whether the credential appears in the body so far, this chunk included. */
    boolean foundIn(Buffer chunk) {
        byte[] bytes = chunk.getBytes();
        byte[] window = new byte[tail.length + bytes.length];
        System.arraycopy(tail, 0, window, 0, tail.length);
        System.arraycopy(bytes, 0, window, tail.length, bytes.length);
        if (indexOf(window) >= 0) {
            return true;
        }
        int keep = Math.min(window.length, secret.length - 1);
        tail = new byte[keep];
        System.arraycopy(window, window.length - keep, tail, 0, keep);
        return false;
    }

    private int indexOf(byte[] window) {
        int last = window.length - secret.length;
        for (int at = 0; at <= last; at++) {
            if (window[at] != secret[0]) {
                continue;
            }
            int i = 1;
            while (i < secret.length && window[at + i] == secret[i]) {
                i++;
            }
            if (i == secret.length) {
                return at;
            }
        }
        return -1;
    }
}
