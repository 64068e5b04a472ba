package vn.gov.camau.g.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether Keycloak answered the gateway's last fetch of the realm's keys, for the operator on call.
 * Always UP: the gateway serves known tokens through an outage ({@link RealmKeysReadiness} says
 * for how long); only sign-ins and token exchanges wait for Keycloak.
 */
@Readiness
@ApplicationScoped
public class KeycloakHealth implements HealthCheck {

    private final RealmKeys keys;

    KeycloakHealth(RealmKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        RealmKeys.State state = keys.state();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Keycloak").up().withData("reachable", state.keycloakReachable());
        if (state.failedAt() > 0) {
            response.withData(
                            "lastFailureAt",
                            Instant.ofEpochMilli(state.failedAt()).toString())
                    .withData("lastFailure", String.valueOf(state.lastFailure()));
        }
        return response.build();
    }
}
