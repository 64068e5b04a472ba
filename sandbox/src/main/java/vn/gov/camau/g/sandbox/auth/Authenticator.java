package vn.gov.camau.g.sandbox.auth;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import vn.gov.camau.g.sandbox.systems.AuthMode;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;
import vn.gov.camau.g.sandbox.systems.SystemRules;
import vn.gov.camau.g.sandbox.systems.Systems;

/** Decides who calls a system, by the system's auth mode; fails with {@link AuthFailure}. */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "bearer ";

    private final Systems systems;
    private final Jwks jwks;
    private final TokenVerifier verifier;

    Authenticator(Systems systems, Jwks jwks) {
        this.systems = systems;
        this.jwks = jwks;
        this.verifier = new TokenVerifier(systems.issuer());
    }

    public Future<Caller> authenticate(SandboxSystem system, HttpServerRequest request) {
        SystemRules rules = systems.rules(system);
        if (rules.mode() == AuthMode.API_KEY) {
            String given = request.getHeader(rules.apiKeyHeader());
            return given != null && sameSecret(given, rules.apiKey())
                    ? Future.succeededFuture(Caller.apiKey())
                    : Future.failedFuture(AuthFailure.badApiKey(rules.apiKeyHeader()));
        }
        String token = bearerToken(request.headers().getAll("Authorization"));
        if (token == null) {
            return Future.failedFuture(AuthFailure.missingToken());
        }
        return jwks.keysFor(TokenVerifier.keyId(token)).map(keys -> verifier.verify(token, keys, rules));
    }

    private static String bearerToken(java.util.List<String> headers) {
        if (headers.size() != 1) {
            return null;
        }
        String value = headers.get(0);
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = value.substring(BEARER.length()).trim();
        return token.isEmpty() || token.contains(" ") ? null : token;
    }

    private static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
