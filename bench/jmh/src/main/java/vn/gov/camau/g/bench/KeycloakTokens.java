package vn.gov.camau.g.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** RS256 access tokens shaped like those of the {@code camau} realm of Keycloak (about 1.3 KB). */
public final class KeycloakTokens {

    public static final String ISSUER = "http://localhost:8180/realms/camau";
    public static final String AUDIENCE = "camau-gateway";
    public static final String CLIENT = "camau-mobile";
    public static final String KEY_ID = "Jq2Xb4yKq9m7GdV0cZsR1pT8wE3nL6hA5uIoY_fMkBc";

    private KeycloakTokens() {}

    public static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An official's token (canbo.tinh of CM.STTTT), valid for the next 5 minutes. */
    public static String official(KeyPair keys) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setClaim("exp", now + 300);
        claims.setClaim("iat", now);
        claims.setClaim("auth_time", now - 60);
        claims.setClaim("jti", "onrtac:" + UUID.randomUUID());
        claims.setClaim("iss", ISSUER);
        claims.setClaim("aud", AUDIENCE);
        claims.setClaim("sub", UUID.randomUUID().toString());
        claims.setClaim("typ", "Bearer");
        claims.setClaim("azp", CLIENT);
        claims.setClaim("sid", UUID.randomUUID().toString());
        claims.setClaim("acr", "1");
        claims.setClaim("allowed-origins", List.of("https://g.camau.gov.vn"));
        claims.setClaim("realm_access", Map.of("roles", List.of("official")));
        claims.setClaim("resource_access", Map.of("account", Map.of("roles", List.of("view-profile"))));
        claims.setClaim("scope", "openid profile email agency");
        claims.setClaim("email_verified", true);
        claims.setClaim("name", "Nguyễn Văn An");
        claims.setClaim("preferred_username", "canbo.tinh");
        claims.setClaim("given_name", "An");
        claims.setClaim("family_name", "Nguyễn Văn");
        claims.setClaim("email", "canbo.tinh@camau.gov.vn");
        claims.setClaim("agency", "CM.STTTT");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(KEY_ID);
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
