package vn.gov.camau.g.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.camau.g.gateway.catalog.Viewer;
import vn.gov.camau.g.gateway.catalog.ViewerResolver;

/**
 * Verifies a Keycloak access token for the proxy, with what quarkus-oidc checks and no more
 * work: the signature (RS256 only, by a key of the realm's JWKS), the issuer, the audience, expiry
 * and not-before, and that it is an access token. The payload is decoded and parsed once; through
 * quarkus-oidc a first-seen token cost the proxy ~5 times the RSA check itself (docs/architecture.md).
 * The gateway's own API keeps quarkus-oidc; TokenRefusalTest holds both to the same refusals.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    /** Keycloak marks its access tokens so; ID and refresh tokens carry other types. */
    private static final String ACCESS_TOKEN_TYPE = "Bearer";

    private final RealmKeys keys;
    private final ObjectMapper json;
    private final String issuer;
    private final String audience;
    private final ThreadLocal<Signature> signatures = ThreadLocal.withInitial(AccessTokenVerifier::rs256);

    AccessTokenVerifier(
            RealmKeys keys,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer,
            @ConfigProperty(name = "quarkus.oidc.token.audience") String audience) {
        this.keys = keys;
        this.json = json;
        this.issuer = issuer;
        this.audience = audience;
    }

    /**
     * The caller a token speaks for. Fails with AuthenticationFailedException for a token that is
     * not a valid access token of the realm for the gateway, and with OIDCException while the
     * realm's keys cannot be had.
     */
    public Future<VerifiedTokens.VerifiedToken> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return refused("not a signed JWT");
        }
        JsonNode header;
        try {
            header = json.readTree(BASE64URL.decode(parts[0]));
        } catch (Exception malformed) {
            return refused("unreadable header");
        }
        if (!header.isObject() || !"RS256".equals(header.path("alg").asText()) || header.has("crit")) {
            return refused("not RS256");
        }
        String kid = header.path("kid").asText("");
        if (kid.isEmpty()) {
            return refused("no key id");
        }
        return keys.key(kid).compose(key -> {
            try {
                return Future.succeededFuture(verified(parts, key));
            } catch (AuthenticationFailedException refused) {
                return Future.failedFuture(refused);
            }
        });
    }

    private VerifiedTokens.VerifiedToken verified(String[] parts, PublicKey key) {
        if (key == null) {
            throw failure("unknown key");
        }
        JsonNode claims;
        try {
            Signature signature = signatures.get();
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(BASE64URL.decode(parts[2]))) {
                throw failure("bad signature");
            }
            claims = json.readTree(BASE64URL.decode(parts[1]));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException broken) {
            throw failure("unverifiable");
        }
        long now = System.currentTimeMillis() / 1000;
        long expiresAt = claims.path("exp").asLong(0);
        if (!claims.isObject()
                || !issuer.equals(claims.path("iss").asText())
                || !forAudience(claims.path("aud"))
                || !claims.path("exp").isNumber()
                || expiresAt <= now
                || (claims.has("nbf") && claims.path("nbf").asLong(Long.MAX_VALUE) > now)
                || (claims.has("typ")
                        && !ACCESS_TOKEN_TYPE.equals(claims.path("typ").asText()))) {
            throw failure("claims");
        }
        return new VerifiedTokens.VerifiedToken(viewer(claims), textOrNull(claims.path("azp")), expiresAt);
    }

    private boolean forAudience(JsonNode aud) {
        if (aud.isTextual()) {
            return audience.equals(aud.asText());
        }
        if (!aud.isArray()) {
            return false;
        }
        for (JsonNode one : aud) {
            if (audience.equals(one.asText())) {
                return true;
            }
        }
        return false;
    }

    /** As {@link ViewerResolver#viewerOf} reads a quarkus-oidc identity, from the claims. */
    private static Viewer viewer(JsonNode claims) {
        if (CallerResolver.isApplication(claims.has("client_id"), textOrNull(claims.path("preferred_username")))) {
            return Viewer.ANONYMOUS;
        }
        Set<String> roles = new HashSet<>();
        for (JsonNode role : claims.path("realm_access").path("roles")) {
            roles.add(role.asText());
        }
        return ViewerResolver.person(
                textOrNull(claims.path("sub")), roles, textOrNull(claims.path(CallerResolver.AGENCY_CLAIM)));
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static Future<VerifiedTokens.VerifiedToken> refused(String why) {
        return Future.failedFuture(failure(why));
    }

    /** Why stays in the exception for the logs; the caller only ever sees "invalid token". */
    private static AuthenticationFailedException failure(String why) {
        return new AuthenticationFailedException("access token refused: " + why);
    }

    private static Signature rs256() {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("The JDK has no SHA256withRSA", missing);
        }
    }
}
