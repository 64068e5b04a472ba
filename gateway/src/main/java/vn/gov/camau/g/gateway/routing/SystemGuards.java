package vn.gov.camau.g.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One guard per sectoral system, made on its first call and kept while the gateway runs. */
@ApplicationScoped
public class SystemGuards {

    private final RoutingConfig config;
    private final ConcurrentMap<String, SystemGuard> guards = new ConcurrentHashMap<>();

    SystemGuards(RoutingConfig config) {
        this.config = config;
    }

    SystemGuard of(String systemId) {
        return guards.computeIfAbsent(
                systemId,
                id -> new SystemGuard(
                        id,
                        new CircuitBreaker(
                                config.breakerFailureThreshold(), config.breakerOpenDuration(), System::nanoTime)));
    }

    /** Health of every system called since start-up. */
    public Collection<SystemHealth> health() {
        return guards.values().stream().map(SystemGuard::health).toList();
    }

    public SystemHealth health(String systemId) {
        return of(systemId).health();
    }
}
