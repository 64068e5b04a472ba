package vn.gov.camau.g.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Defaults for calls to sectoral systems; a manifest's {@code upstream} block overrides them per system. */
@ConfigMapping(prefix = "camau.routing")
public interface RoutingConfig {

    /** The deadline of one proxied call, retries included. */
    @WithDefault("5s")
    Duration timeout();

    /** How many calls to one system may be in flight at once (the bulkhead). */
    @WithDefault("64")
    int concurrency();

    /** The largest request body forwarded to a system. */
    @WithDefault("1M")
    MemorySize maxRequestBody();

    /** Attempts of a retryable call, the first included. */
    @WithDefault("2")
    int maxAttempts();

    /** The wait before a retry. */
    @WithDefault("100ms")
    Duration backoff();

    /** Retries may add at most this share of a system's calls (the retry budget). */
    @WithDefault("0.2")
    double retryBudgetRatio();

    /** Consecutive failures that open a system's circuit breaker. */
    @WithDefault("5")
    int breakerFailureThreshold();

    /** How long an open breaker refuses calls before it lets one probe through. */
    @WithDefault("10s")
    Duration breakerOpenDuration();

    /** Where the sandbox twins of the sectoral systems listen; manifests refer to it as ${camau.sandbox.url}. */
    @WithDefault("http://localhost:8280")
    String sandboxUrl();
}
