package vn.gov.camau.g.gateway.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import vn.gov.camau.g.gateway.catalog.AppManifest;

/**
 * Quotas of calls to a system, as its manifest sets them ({@code quota}): a token bucket per
 * (system, key) that holds a minute's allowance and refills continuously, so a burst is absorbed
 * but a steady rate is capped. Which keys a call is counted against is decided in {@link #keysOf}
 * alone (docs/modules.md, "Quotas").
 */
@ApplicationScoped
public class ClientQuotas {

    private static final int MAX_BUCKETS = 100_000;
    private static final int PERSON_SHARE_DIVISOR = 10;

    /**
     * A bucket untouched for a minute is full again, so dropping it loses nothing; a full table
     * evicts the least recently used keys, never every application's bucket at once.
     */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfterAccess(Duration.ofMinutes(1))
            .build();

    /** One allowance a call is counted against. */
    record QuotaKey(String key, int requestsPerMinute) {}

    /**
     * The keys of a call: a person within an application counts against both the application's
     * allowance and their own share of it; an application's own token against the application's;
     * a caller without a token against its address's.
     *
     * @param client the token's {@code azp}, or null without a token
     * @param person the signed-in person's subject, or null
     */
    static List<QuotaKey> keysOf(AppManifest.Quota quota, String client, String person, String address) {
        int perApplication = quota.requestsPerMinute();
        if (client == null) {
            return List.of(new QuotaKey("address:" + address, perApplication));
        }
        QuotaKey application = new QuotaKey("app:" + client, perApplication);
        if (person == null) {
            return List.of(application);
        }
        int perPerson = quota.perPersonPerMinute() != null
                ? quota.perPersonPerMinute()
                : Math.max(1, perApplication / PERSON_SHARE_DIVISOR);
        return List.of(new QuotaKey("person:" + client + ":" + person, perPerson), application);
    }

    /**
     * Takes one call from each of the keys' allowances, the narrowest first, so a person over
     * their share does not spend the application's.
     *
     * @return 0 when the call may go, otherwise the seconds until it could
     */
    long take(String systemId, List<QuotaKey> keys) {
        long now = System.nanoTime();
        for (QuotaKey key : keys) {
            Bucket bucket =
                    buckets.get(systemId + "|" + key.key(), ignored -> new Bucket(key.requestsPerMinute(), now));
            long wait = bucket.take(key.requestsPerMinute(), now);
            if (wait > 0) {
                return wait;
            }
        }
        return 0;
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized long take(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + Math.max(0, now - refilledAt) * perNano);
            refilledAt = Math.max(refilledAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano / 1e9);
        }
    }
}
