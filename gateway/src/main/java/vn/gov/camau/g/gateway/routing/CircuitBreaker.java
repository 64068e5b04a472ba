package vn.gov.camau.g.gateway.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * One system's breaker: after {@code threshold} consecutive failures it opens and refuses calls at
 * once (no upstream call); after {@code openFor} it lets exactly one probe through (half-open);
 * the probe's success closes it, its failure opens it again. Safe across event-loop threads.
 */
final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier clock;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong();

    CircuitBreaker(int threshold, Duration openFor, LongSupplier clock) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    /** Whether a call may go out now; when it is the half-open probe, only this caller gets it. */
    boolean tryAcquire() {
        State current = state.get();
        if (current == State.CLOSED) {
            return true;
        }
        if (current == State.OPEN && clock.getAsLong() - openedAt.get() >= openForNanos) {
            return state.compareAndSet(State.OPEN, State.HALF_OPEN);
        }
        return false;
    }

    void onSuccess() {
        consecutiveFailures.set(0);
        state.set(State.CLOSED);
    }

    void onFailure() {
        if (state.get() == State.HALF_OPEN || consecutiveFailures.incrementAndGet() >= threshold) {
            openedAt.set(clock.getAsLong());
            state.set(State.OPEN);
        }
    }

    /** A call that went out but whose outcome says nothing about the system (e.g. the caller left). */
    void onAbandoned() {
        state.compareAndSet(State.HALF_OPEN, State.OPEN);
    }

    State state() {
        return state.get();
    }

    /** Seconds until an open breaker lets a probe through, at least 1. */
    long retryAfterSeconds() {
        long remaining = openForNanos - (clock.getAsLong() - openedAt.get());
        return Math.max(1, Duration.ofNanos(remaining).toSeconds() + 1);
    }
}
