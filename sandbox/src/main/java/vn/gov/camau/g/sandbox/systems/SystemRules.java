package vn.gov.camau.g.sandbox.systems;

import java.util.Set;

/** One system's access rules, resolved from configuration and checked at start-up. */
public record SystemRules(
        SandboxSystem system,
        AuthMode mode,
        Set<String> audiences,
        boolean acceptGatewayAudience,
        Set<String> clientIds,
        String apiKeyHeader,
        String apiKey,
        long maxRequestBody) {

    /** The gateway's own audience: what a relayed user token carries. */
    public static final String GATEWAY_AUDIENCE = "camau-gateway";

    /** The audiences a token may carry to be accepted (exchange and relay). */
    public Set<String> acceptedAudiences() {
        if (mode == AuthMode.EXCHANGE && acceptGatewayAudience) {
            var all = new java.util.TreeSet<>(audiences);
            all.add(GATEWAY_AUDIENCE);
            return all;
        }
        return audiences;
    }
}
