package vn.gov.camau.g.sandbox.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real tokens spoiled on purpose: everything right but the one thing the test names. */
public final class Forged {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Forged() {}

    /** One byte of the signature changed. */
    public static String tamperedSignature(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + B64.encodeToString(signature);
    }

    /** {@code alg: none}, the claims kept, no signature. */
    public static String unsigned(String token) {
        String[] parts = token.split("\\.");
        return B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".";
    }
}
