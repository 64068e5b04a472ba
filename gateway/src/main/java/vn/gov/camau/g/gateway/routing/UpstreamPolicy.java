package vn.gov.camau.g.gateway.routing;

import java.time.Duration;
import java.util.Locale;
import vn.gov.camau.g.gateway.catalog.AppManifest;

/** A system's limits as its manifest sets them, the platform's defaults where it is silent. */
record UpstreamPolicy(Duration deadline, int maxAttempts, Duration backoff, int concurrency, long maxRequestBody) {

    static UpstreamPolicy of(AppManifest.Upstream upstream, RoutingConfig defaults) {
        AppManifest.Retry retry = upstream.retry();
        return new UpstreamPolicy(
                upstream.timeout() != null ? duration(upstream.timeout()) : defaults.timeout(),
                retry != null && retry.maxAttempts() != null ? retry.maxAttempts() : defaults.maxAttempts(),
                retry != null && retry.backoff() != null ? duration(retry.backoff()) : defaults.backoff(),
                upstream.concurrency() != null ? upstream.concurrency() : defaults.concurrency(),
                upstream.maxRequestBody() != null
                        ? bytes(upstream.maxRequestBody())
                        : defaults.maxRequestBody().asLongValue());
    }

    /** {@code 800ms}, {@code 2s}, {@code 5m}: the forms the manifest schema allows. */
    static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("Not a duration: " + text);
        };
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
