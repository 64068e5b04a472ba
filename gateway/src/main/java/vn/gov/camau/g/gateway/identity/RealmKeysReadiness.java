package vn.gov.camau.g.gateway.identity;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means "can serve": the gateway verifies tokens with the realm's keys it holds, so it stays
 * ready while Keycloak is away as long as those keys are fresh enough
 * ({@code camau.realm-keys.ready-for}). A load balancer then keeps every gateway in service
 * through a Keycloak outage. Keycloak's own state is {@link KeycloakHealth}, which never fails.
 */
@Readiness
@ApplicationScoped
public class RealmKeysReadiness implements AsyncHealthCheck {

    /** A readiness probe never waits long on Keycloak. */
    private static final Duration FIRST_FETCH_WAIT = Duration.ofSeconds(3);

    private final RealmKeys keys;
    private final RealmKeysConfig config;

    RealmKeysReadiness(RealmKeys keys, RealmKeysConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> keys.keepFresh().toCompletionStage())
                .ifNoItem()
                .after(FIRST_FETCH_WAIT)
                .recoverWithItem(() -> null)
                .onFailure()
                .recoverWithNull()
                .map(ignored -> judge(keys.state()));
    }

    private HealthCheckResponse judge(RealmKeys.State state) {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Realm keys").withData("keys", state.keyCount());
        if (state.keyCount() == 0) {
            return response.down()
                    .withData("why", "no keys yet: Keycloak has not been reached")
                    .build();
        }
        Duration age = Duration.ofMillis(System.currentTimeMillis() - state.fetchedAt());
        response.withData("fetchedAt", Instant.ofEpochMilli(state.fetchedAt()).toString())
                .withData("ageSeconds", age.toSeconds());
        if (age.compareTo(config.readyFor()) > 0) {
            return response.down()
                    .withData("why", "the keys are older than camau.realm-keys.ready-for (" + config.readyFor() + ")")
                    .build();
        }
        return response.up().build();
    }
}
