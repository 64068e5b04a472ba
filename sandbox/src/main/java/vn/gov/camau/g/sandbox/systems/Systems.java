package vn.gov.camau.g.sandbox.systems;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every system's rules, read once; a system left out of the configuration or half-configured stops start-up. */
@ApplicationScoped
public class Systems {

    private final Map<SandboxSystem, SystemRules> rules;
    private final SandboxConfig config;

    Systems(SandboxConfig config) {
        this.config = config;
        Map<SandboxSystem, SystemRules> resolved = new EnumMap<>(SandboxSystem.class);
        List<String> problems = new ArrayList<>();
        for (SandboxSystem system : SandboxSystem.values()) {
            SandboxConfig.SystemSettings settings = config.systems().get(system.id());
            if (settings == null) {
                problems.add("camau.sandbox.systems.\"" + system.id() + "\" is not configured");
                continue;
            }
            Set<String> audiences = settings.audiences().orElse(Set.of());
            Set<String> clientIds = settings.clientIds().orElse(Set.of());
            String apiKey = settings.apiKey().orElse("");
            switch (settings.auth()) {
                case EXCHANGE, RELAY -> {
                    if (audiences.isEmpty()) {
                        problems.add(system.id() + ": auth " + settings.auth().wireName() + " needs audiences");
                    }
                }
                case CLIENT_CREDENTIALS -> {
                    if (clientIds.isEmpty()) {
                        problems.add(system.id() + ": auth client-credentials needs client-ids");
                    }
                }
                case API_KEY -> {
                    if (apiKey.isBlank()) {
                        problems.add(system.id() + ": auth api-key needs api-key");
                    }
                }
            }
            resolved.put(
                    system,
                    new SystemRules(
                            system,
                            settings.auth(),
                            Set.copyOf(audiences),
                            settings.acceptGatewayAudience(),
                            Set.copyOf(clientIds),
                            settings.apiKeyHeader(),
                            apiKey,
                            settings.maxRequestBody().asLongValue()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Sandbox configuration: " + String.join("; ", problems));
        }
        this.rules = Collections.unmodifiableMap(resolved);
    }

    public SystemRules rules(SandboxSystem system) {
        return rules.get(system);
    }

    public String issuer() {
        return config.issuer();
    }

    public String jwksUrl() {
        return config.jwksUrl().orElse(config.issuer() + "/protocol/openid-connect/certs");
    }

    public SandboxConfig config() {
        return config;
    }
}
