package vn.gov.camau.g.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each sectoral system's breaker state, in /q/health for the operator on call. Always UP: a
 * failing system is that system's problem, and the gateway stays ready to serve the others.
 */
@Readiness
@ApplicationScoped
public class SectoralSystemsHealth implements HealthCheck {

    private final SystemGuards guards;

    SectoralSystemsHealth(SystemGuards guards) {
        this.guards = guards;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Sectoral systems").up();
        for (SystemHealth system : guards.health()) {
            response.withData(
                    system.system(),
                    "breaker " + system.breaker() + ", " + system.failures() + " of " + system.calls() + " calls failed"
                            + (system.lastFailure() == null ? "" : ", last: " + system.lastFailure()));
        }
        return response.build();
    }
}
