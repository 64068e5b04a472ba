package vn.gov.camau.g.gateway.routing;

import java.time.Duration;
import java.util.Locale;
import vn.gov.camau.g.gateway.catalog.AppManifest;

/** A system's limits as its manifest sets them, the platform's defaults where it is silent. */
record UpstreamPolicy(Duration deadline, int maxAttempts, Duration backoff, int concurrency, long maxRequestBody) {

    static UpstreamPolicy of(AppManifest.Upstream upstream, RoutingConfig defaults) {
        AppManifest.Retry retry = upstream.retry();
        return new UpstreamPolicy(
                upstream.timeout() != null ? Durations.parse(upstream.timeout()) : defaults.timeout(),
                retry != null && retry.maxAttempts() != null ? retry.maxAttempts() : defaults.maxAttempts(),
                retry != null && retry.backoff() != null ? Durations.parse(retry.backoff()) : defaults.backoff(),
                upstream.concurrency() != null ? upstream.concurrency() : defaults.concurrency(),
                upstream.maxRequestBody() != null
                        ? bytes(upstream.maxRequestBody())
                        : defaults.maxRequestBody().asLongValue());
    }

    /** {@code 512B}, {@code 64KB}, {@code 10MB}. */
    static long bytes(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.endsWith("MB")) {
            return Long.parseLong(upper.substring(0, upper.length() - 2)) * 1024 * 1024;
        }
        if (upper.endsWith("KB")) {
            return Long.parseLong(upper.substring(0, upper.length() - 2)) * 1024;
        }
        return Long.parseLong(upper.substring(0, upper.length() - 1));
    }
}
