package vn.gov.camau.g.sandbox.systems;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code camau.sandbox.*}: where tokens come from and each system's rules (see application.properties). */
@ConfigMapping(prefix = "camau.sandbox")
public interface SandboxConfig {

    /** The issuer every bearer token must carry: the Keycloak realm {@code camau}. */
    String issuer();

    /** Where the realm's signing keys are; the issuer's {@code /protocol/openid-connect/certs} when unset. */
    Optional<String> jwksUrl();

    /** The keys are fetched again for an unknown key id at most this often. */
    @WithDefault("30s")
    Duration jwksMinRefreshInterval();

    /** {@code none} (fast tests) or {@code realistic} (each system answers with a base latency and jitter). */
    @WithDefault("none")
    LatencyProfile latencyProfile();

    /** Per system id ({@code mot-cua}, …). */
    Map<String, SystemSettings> systems();

    interface SystemSettings {

        AuthMode auth();

        /** exchange and relay: the token's {@code aud} must contain one of these. */
        Optional<Set<String>> audiences();

        /** exchange only: also accept the gateway's audience, so the system is usable before token exchange. */
        @WithDefault("false")
        boolean acceptGatewayAudience();

        /** client-credentials: the token's {@code azp} must be one of these. */
        Optional<Set<String>> clientIds();

        /** api-key: the header carrying the key. */
        @WithDefault("X-API-Key")
        String apiKeyHeader();

        /** api-key: the value the header must have. */
        Optional<String> apiKey();

        /** The largest request body its business routes take (the _diag echo streams any size). */
        @WithDefault("1M")
        MemorySize maxRequestBody();
    }

    enum LatencyProfile {
        none,
        realistic
    }
}
