package vn.gov.camau.g.sandbox;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.sandbox.auth.AuthFailure;
import vn.gov.camau.g.sandbox.auth.Caller;
import vn.gov.camau.g.sandbox.auth.TokenVerifier;
import vn.gov.camau.g.sandbox.systems.AuthMode;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;
import vn.gov.camau.g.sandbox.systems.SystemRules;

/**
 * The rules of each mode on tokens the realm cannot make yet (a token-exchange token for
 * app-mot-cua, the platform's camau-platform token), signed here with a key of our own.
 */
class TokenVerifierTest {

    private static final String ISSUER = "http://keycloak.test/realms/camau";
    private static final RsaJsonWebKey KEY = key("test-key");
    private static final List<JsonWebKey> KEYS = List.of(KEY);
    private static final TokenVerifier VERIFIER = new TokenVerifier(ISSUER);

    private static final SystemRules MOT_CUA = rules(SandboxSystem.MOT_CUA, AuthMode.EXCHANGE, false);
    private static final SystemRules MOT_CUA_WITH_FLAG = rules(SandboxSystem.MOT_CUA, AuthMode.EXCHANGE, true);
    private static final SystemRules HOP = rules(SandboxSystem.HOP_TRUC_TUYEN, AuthMode.CLIENT_CREDENTIALS, false);

    @Test
    void anExchangedTokenForTheSystemIsAccepted() {
        Caller caller = VERIFIER.verify(sign(claims(List.of("app-mot-cua"), "camau-gateway")), KEYS, MOT_CUA);
        assertThat(caller.audience(), contains("app-mot-cua"));
        assertThat(caller.authorizedParty(), is("camau-gateway"));
        assertThat(caller.isCitizen(), is(true));
    }

    @Test
    void theGatewaysAudienceOnlyWithTheFlag() {
        String relayed = sign(claims(List.of("camau-gateway", "account"), "camau-mobile"));
        assertThat(refusal(relayed, MOT_CUA), containsString("does not contain app-mot-cua"));
        assertThat(VERIFIER.verify(relayed, KEYS, MOT_CUA_WITH_FLAG).audience(), hasItem("camau-gateway"));
    }

    @Test
    void clientCredentialsGoesByTheAuthorizedParty() {
        assertThat(
                VERIFIER.verify(sign(claims(List.of("camau-gateway"), "camau-platform")), KEYS, HOP)
                        .authorizedParty(),
                is("camau-platform"));
        assertThat(
                refusal(sign(claims(List.of("camau-gateway"), "camau-mobile")), HOP),
                containsString("azp camau-mobile is not camau-platform"));
    }

    @Test
    void expiredWrongIssuerIdTokensAndForeignKeysAreRefused() throws JoseException {
        JwtClaims expired = claims(List.of("app-mot-cua"), "camau-gateway");
        expired.setExpirationTimeMinutesInTheFuture(-1);
        assertThat(refusal(sign(expired), MOT_CUA), endsWith("expired"));

        JwtClaims elsewhere = claims(List.of("app-mot-cua"), "camau-gateway");
        elsewhere.setIssuer("http://keycloak.test/realms/master");
        assertThat(refusal(sign(elsewhere), MOT_CUA), endsWith("wrong issuer"));

        JwtClaims idToken = claims(List.of("app-mot-cua"), "app-mot-cua");
        idToken.setClaim("typ", "ID");
        assertThat(refusal(sign(idToken), MOT_CUA), containsString("typ ID"));

        String foreign = sign(claims(List.of("app-mot-cua"), "camau-gateway"), key("test-key"));
        assertThat(refusal(foreign, MOT_CUA), endsWith("bad signature"));

        JsonWebSignature hs256 = new JsonWebSignature();
        hs256.setPayload(claims(List.of("app-mot-cua"), "camau-gateway").toJson());
        hs256.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs256.setKey(new HmacKey(new byte[32]));
        String symmetric = hs256.getCompactSerialization();
        assertThat(refusal(symmetric, MOT_CUA), containsString("not valid"));
    }

    @Test
    void theKeyIdIsReadWithoutVerifying() {
        assertThat(TokenVerifier.keyId(sign(claims(List.of("x"), "y"))), is("test-key"));
        assertThat(TokenVerifier.keyId("garbage"), nullValue());
    }

    private static String refusal(String token, SystemRules rules) {
        return assertThrows(AuthFailure.class, () -> VERIFIER.verify(token, KEYS, rules))
                .getMessage();
    }

    private static SystemRules rules(SandboxSystem system, AuthMode mode, boolean flag) {
        return new SystemRules(
                system, mode, Set.of("app-" + system.id()), flag, Set.of("camau-platform"), "X-API-Key", "", 1024);
    }

    private static JwtClaims claims(List<String> audience, String azp) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("4c7ffde8-e4c1-490d-87c8-2cba84c3026d");
        claims.setAudience(audience);
        claims.setClaim("azp", azp);
        claims.setClaim("typ", "Bearer");
        claims.setClaim("scope", "openid profile");
        claims.setClaim("realm_access", Map.of("roles", List.of("citizen")));
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        return claims;
    }

    private static String sign(JwtClaims claims) {
        return sign(claims, KEY);
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey key(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
