package vn.gov.camau.g.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client quotas of calls to a system, as its manifest sets them ({@code quota.requestsPerMinute}):
 * a token bucket per (system, client) that holds a minute's allowance and refills continuously, so
 * a partner app's burst is absorbed but its steady rate is capped. A client is the token's
 * {@code azp} (the app, not the person); callers without a token count per address.
 */
@ApplicationScoped
public class ClientQuotas {

    private static final int MAX_BUCKETS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * Takes one call from the client's allowance.
     *
     * @return 0 when the call may go, otherwise the seconds until it could
     */
    long take(String systemId, String client, int requestsPerMinute) {
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(systemId + "|" + client, key -> new Bucket(requestsPerMinute));
        return bucket.take(requestsPerMinute, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int capacity) {
            this.tokens = capacity;
        }

        synchronized long take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano / 1e9);
        }
    }
}
