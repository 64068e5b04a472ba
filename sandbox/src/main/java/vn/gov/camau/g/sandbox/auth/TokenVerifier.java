package vn.gov.camau.g.sandbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import vn.gov.camau.g.sandbox.systems.AuthMode;
import vn.gov.camau.g.sandbox.systems.SystemRules;

/**
 * Checks a bearer token as a real upstream would, with keys it already holds: RS256 signature by a
 * realm key, the realm as issuer, not expired (no grace), an access token ({@code typ: Bearer}),
 * then the system's own rule: audience (exchange, relay) or authorized party (client-credentials).
 * Pure computation: no I/O, safe on an event loop.
 */
public final class TokenVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;

    public TokenVerifier(String issuer) {
        this.issuer = issuer;
    }

    /** The token's {@code kid} header, or null when it has none or is no JWT at all. */
    public static String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            JsonNode kid = header.get("kid");
            return kid != null && kid.isTextual() ? kid.asText() : null;
        } catch (IOException | IllegalArgumentException notJson) {
            return null;
        }
    }

    public Caller verify(String token, List<JsonWebKey> keys, SystemRules rules) {
        JwtClaims claims = claims(token, keys);
        try {
            String type = claims.getClaimValueAsString("typ");
            if (type != null && !"Bearer".equalsIgnoreCase(type)) {
                throw AuthFailure.invalidToken("typ " + type + " is not an access token");
            }
            List<String> audience = claims.hasAudience() ? claims.getAudience() : List.of();
            String azp = claims.getClaimValueAsString("azp");
            switch (rules.mode()) {
                case EXCHANGE, RELAY -> {
                    Set<String> accepted = rules.acceptedAudiences();
                    if (audience.stream().noneMatch(accepted::contains)) {
                        throw AuthFailure.invalidToken(
                                "aud " + audience + " does not contain " + String.join(" or ", accepted));
                    }
                }
                case CLIENT_CREDENTIALS -> {
                    if (azp == null || !rules.clientIds().contains(azp)) {
                        throw AuthFailure.invalidToken(
                                "azp " + azp + " is not " + String.join(" or ", rules.clientIds()));
                    }
                }
                case API_KEY -> throw new IllegalStateException("api-key systems do not read tokens");
            }
            if (rules.mode() != AuthMode.CLIENT_CREDENTIALS && claims.getSubject() == null) {
                throw AuthFailure.invalidToken("no sub: the token names no user");
            }
            return new Caller(
                    claims.getSubject(),
                    List.copyOf(audience),
                    azp,
                    claims.getClaimValueAsString("scope"),
                    claims.getClaimValueAsString("preferred_username"),
                    claims.getClaimValueAsString("name"),
                    realmRoles(claims),
                    claims.getClaimValueAsString("agency"),
                    claims.getClaimValueAsString("agency_level"),
                    false);
        } catch (MalformedClaimException malformed) {
            throw AuthFailure.invalidToken(malformed.getMessage());
        }
    }

    private JwtClaims claims(String token, List<JsonWebKey> keys) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(0)
                .setExpectedIssuer(issuer)
                // Audience and party are checked per system, above.
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys))
                .build();
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException invalid) {
            throw AuthFailure.invalidToken(reason(invalid));
        }
    }

    private static String reason(InvalidJwtException invalid) {
        if (invalid.hasExpired()) {
            return "expired";
        }
        if (invalid.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.ISSUER_INVALID)) {
            return "wrong issuer";
        }
        if (invalid.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.SIGNATURE_INVALID)) {
            return "bad signature";
        }
        String message = invalid.getMessage();
        if (message != null && message.contains("Unable to find a suitable verification key")) {
            return "signed by an unknown key";
        }
        if (message != null && message.contains("not permitted")) {
            return "algorithm not allowed (RS256 only)";
        }
        if (!invalid.getErrorDetails().isEmpty()
                && invalid.getErrorDetails().get(0).getErrorCode() > 0) {
            String detail = invalid.getErrorDetails().get(0).getErrorMessage();
            return detail.length() > 160 ? detail.substring(0, 160) + "…" : detail;
        }
        return "not a valid signed JWT";
    }

    @SuppressWarnings("unchecked")
    private static Set<String> realmRoles(JwtClaims claims) {
        Object realmAccess = claims.getClaimValue("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            Set<String> result = new LinkedHashSet<>();
            for (Object role : roles) {
                if (role instanceof String name) {
                    result.add(name);
                }
            }
            return Set.copyOf(result);
        }
        return Set.of();
    }
}
