package vn.gov.camau.g.gateway.routing;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What protects the platform from one sectoral system, and that system from the platform: its
 * circuit breaker, its bulkhead (calls in flight), its retry budget, and what an operator sees.
 */
final class SystemGuard {

    /** Retry tokens are kept in thousandths, so a ratio of 0.2 earns 200 per call. */
    private static final long TOKEN = 1000;

    private static final long MAX_RETRY_TOKENS = 10 * TOKEN;

    final String systemId;
    final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong retryTokens = new AtomicLong(MAX_RETRY_TOKENS);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final AtomicReference<Instant> lastFailureAt = new AtomicReference<>();

    SystemGuard(String systemId, CircuitBreaker breaker) {
        this.systemId = systemId;
        this.breaker = breaker;
    }

    /** Takes a place in the bulkhead, or says the system is at its limit. */
    boolean enter(int limit) {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    /** Every first attempt earns the budget a share of a retry. */
    void earnRetry(double ratio) {
        calls.incrementAndGet();
        retryTokens.updateAndGet(tokens -> Math.min(MAX_RETRY_TOKENS, tokens + (long) (ratio * TOKEN)));
    }

    /** Spends one retry from the budget, if there is one. */
    boolean spendRetry() {
        long tokens;
        do {
            tokens = retryTokens.get();
            if (tokens < TOKEN) {
                return false;
            }
        } while (!retryTokens.compareAndSet(tokens, tokens - TOKEN));
        return true;
    }

    void recordFailure(String what) {
        failures.incrementAndGet();
        lastFailure.set(what);
        lastFailureAt.set(Instant.now());
        breaker.onFailure();
    }

    void recordSuccess() {
        breaker.onSuccess();
    }

    SystemHealth health() {
        return new SystemHealth(
                systemId,
                breaker.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                inFlight.get(),
                calls.get(),
                failures.get(),
                lastFailure.get(),
                lastFailureAt.get());
    }
}
