package vn.gov.camau.g.gateway.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.gov.camau.g.bench.KeycloakTokens;

/**
 * What a bearer token costs per request: its RS256 signature alone (JCA); the whole token as
 * quarkus-oidc verifies it (jose4j: parse, signature, issuer, audience, expiry); the proxy's own
 * verifier on a token seen for the first time ({@link AccessTokenVerifier}, keys from a JWKS served
 * here over HTTP as Keycloak serves them); and the proxy's cache hit ({@link VerifiedTokens#cached}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenVerificationBenchmark {

    PublicKey publicKey;
    String token;
    /** The token's bytes: each request's token is a new String (see {@link #cachedHit}). */
    byte[] tokenBytes;

    byte[] signingInput;
    byte[] signature;
    Vertx vertx;
    AccessTokenVerifier verifier;
    VerifiedTokens verifiedTokens;

    @Setup
    public void setUp() throws Exception {
        KeyPair keys = KeycloakTokens.rsa2048();
        publicKey = keys.getPublic();
        token = KeycloakTokens.official(keys);
        tokenBytes = token.getBytes(StandardCharsets.ISO_8859_1);
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        if (!jcaSha256WithRsa()) {
            throw new IllegalStateException("The signature does not verify");
        }
        jose4j();

        RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) publicKey);
        key.setKeyId(KeycloakTokens.KEY_ID);
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        String jwks = new JsonWebKeySet(key).toJson();
        vertx = Vertx.vertx();
        HttpServer realm = vertx.createHttpServer()
                .requestHandler(request -> request.response().end(jwks))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        RealmKeys realmKeys = new RealmKeys(
                "http://127.0.0.1:" + realm.actualPort() + "/realms/camau",
                new RealmKeysConfig() {
                    @Override
                    public java.time.Duration readyFor() {
                        return java.time.Duration.ofHours(1);
                    }

                    @Override
                    public java.time.Duration refreshAtMostEvery() {
                        return java.time.Duration.ofSeconds(10);
                    }
                },
                vertx);
        verifier =
                new AccessTokenVerifier(realmKeys, new ObjectMapper(), KeycloakTokens.ISSUER, KeycloakTokens.AUDIENCE);
        verifiedTokens = new VerifiedTokens(verifier, () -> 10_000);
        // The first verification fetches the keys; the measured ones find them known.
        VerifiedTokens.VerifiedToken verified = verifiedTokens
                .verify(token)
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        if (!verified.viewer().signedIn()
                || !KeycloakTokens.CLIENT.equals(verified.client())
                || cachedHit() != verified
                || !firstSight().isComplete()) {
            throw new IllegalStateException("Unexpected verified token: " + verified);
        }
    }

    @TearDown
    public void tearDown() {
        vertx.close();
    }

    /** The RS256 signature alone (SHA-256 of header.payload, RSA-2048 public operation). */
    @Benchmark
    public boolean jcaSha256WithRsa() throws GeneralSecurityException {
        Signature verification = Signature.getInstance("SHA256withRSA");
        verification.initVerify(publicKey);
        verification.update(signingInput);
        return verification.verify(signature);
    }

    /**
     * The whole token as quarkus-oidc verifies it on each request: a consumer built per token, the
     * compact serialization parsed (Base64url, JSON header and claims), signature, iss, aud, exp.
     */
    @Benchmark
    public JwtClaims jose4j() {
        try {
            return new JwtConsumerBuilder()
                    .setVerificationKey(publicKey)
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setExpectedIssuer(KeycloakTokens.ISSUER)
                    .setExpectedAudience(KeycloakTokens.AUDIENCE)
                    .setRequireExpirationTime()
                    .build()
                    .processToClaims(token);
        } catch (InvalidJwtException invalid) {
            throw new IllegalStateException(invalid);
        }
    }

    /** The proxy's verifier on a token it has not seen (the keys known): what a cache miss costs. */
    @Benchmark
    public io.vertx.core.Future<VerifiedTokens.VerifiedToken> firstSight() {
        return verifier.verify(new String(tokenBytes, StandardCharsets.ISO_8859_1));
    }

    /** The gateway's cache hit, with the token a new String as it is on each request (fresh hash). */
    @Benchmark
    public VerifiedTokens.VerifiedToken cachedHit() {
        return verifiedTokens.cached(new String(tokenBytes, StandardCharsets.ISO_8859_1));
    }

    /** The new String of {@link #cachedHit} alone, to subtract from it. */
    @Benchmark
    public String tokenCopyOnly() {
        return new String(tokenBytes, StandardCharsets.ISO_8859_1);
    }
}
