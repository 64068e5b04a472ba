package vn.gov.camau.g.gateway.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hostile tokens, made on purpose to be refused: each starts from a real token's claims, so the
 * only thing wrong with it is the thing the test names.
 */
public final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private ForgedTokens() {}

    public static Map<String, Object> header(String token) {
        return decode(token.split("\\.")[0]);
    }

    public static Map<String, Object> claims(String token) {
        return decode(token.split("\\.")[1]);
    }

    /** The same header and claims, with one byte of the signature changed. */
    public static String withTamperedSignature(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = B64_DECODER.decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + B64.encodeToString(signature);
    }

    /** The claims changed (here: another subject), the original signature kept. */
    public static String withClaims(String token, UnaryOperator<Map<String, Object>> change) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(change.apply(claims(token))) + "." + parts[2];
    }

    /** {@code alg: none} and no signature at all. */
    public static String unsigned(String token) {
        Map<String, Object> header = new LinkedHashMap<>(header(token));
        header.put("alg", "none");
        return encode(header) + "." + encode(claims(token)) + ".";
    }

    /** HS256 keyed with the realm's public RSA key: the classic algorithm-confusion attack. */
    public static String hs256WithPublicKey(String token, Map<String, Object> jwks) {
        Map<String, Object> header = new LinkedHashMap<>(header(token));
        Map<String, Object> key = signingKey(jwks, (String) header.get("kid"));
        header.put("alg", "HS256");
        String signingInput = encode(header) + "." + encode(claims(token));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKeyBytes(key), "HmacSHA256"));
            return signingInput + "."
                    + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256 by a key Keycloak never had, under the key id Keycloak uses (or another). */
    public static String signedByUnknownKey(String token, String kid) {
        Map<String, Object> header = new LinkedHashMap<>(header(token));
        header.put("kid", kid);
        return signRs256(header, claims(token), newRsaKey().getPrivate());
    }

    /** A well-signed token in every way but with these claims: signed by an unknown key too. */
    public static String signRs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signingKey(Map<String, Object> jwks, String kid) {
        return ((List<Map<String, Object>>) jwks.get("keys"))
                .stream()
                        .filter(key -> kid.equals(key.get("kid")))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("No key " + kid + " in the realm's JWKS"));
    }

    /** The public key as an attacker would find it: the X.509 encoding of the JWK's modulus and exponent. */
    private static byte[] publicKeyBytes(Map<String, Object> jwk) throws GeneralSecurityException {
        BigInteger modulus = new BigInteger(1, B64_DECODER.decode((String) jwk.get("n")));
        BigInteger exponent = new BigInteger(1, B64_DECODER.decode((String) jwk.get("e")));
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(modulus, exponent))
                .getEncoded();
    }

    private static Map<String, Object> decode(String part) {
        try {
            return JSON.readValue(B64_DECODER.decode(part), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not a JWT part: " + part, e);
        }
    }

    private static String encode(Map<String, Object> part) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(part));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
