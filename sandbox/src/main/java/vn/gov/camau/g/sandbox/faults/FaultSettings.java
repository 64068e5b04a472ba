package vn.gov.camau.g.sandbox.faults;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a system right now. Applied to every call under {@code /<system>/}
 * (the {@code _diag} routes included), before authentication, in this order: latency (plus
 * jitter), outage, error rate, malformed.
 *
 * @param latencyMs added to every call (0–60000)
 * @param jitterMs a further uniform random 0..jitterMs (0–60000)
 * @param errorRate the share of calls answered {@code errorStatus} (0.0–1.0); deterministic:
 *     of the first n calls since the setting, exactly ⌈n·errorRate⌉ fail, the first one included
 * @param errorStatus the status of those answers (400–599)
 * @param outage every call's connection is closed without an answer
 * @param malformed every call is answered 200 with a body that is not valid JSON
 */
public record FaultSettings(
        long latencyMs, long jitterMs, double errorRate, int errorStatus, boolean outage, boolean malformed) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 0.0, 503, false, false);

    @JsonCreator
    static FaultSettings fromJson(
            @JsonProperty("latencyMs") Long latencyMs,
            @JsonProperty("jitterMs") Long jitterMs,
            @JsonProperty("errorRate") Double errorRate,
            @JsonProperty("errorStatus") Integer errorStatus,
            @JsonProperty("outage") Boolean outage,
            @JsonProperty("malformed") Boolean malformed) {
        return new FaultSettings(
                latencyMs == null ? 0 : latencyMs,
                jitterMs == null ? 0 : jitterMs,
                errorRate == null ? 0.0 : errorRate,
                errorStatus == null ? 503 : errorStatus,
                outage != null && outage,
                malformed != null && malformed);
    }

    /** What is wrong with these settings, empty when nothing. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (latencyMs < 0 || latencyMs > 60_000) {
            problems.add("latencyMs must be 0..60000");
        }
        if (jitterMs < 0 || jitterMs > 60_000) {
            problems.add("jitterMs must be 0..60000");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            problems.add("errorRate must be 0.0..1.0");
        }
        if (errorStatus < 400 || errorStatus > 599) {
            problems.add("errorStatus must be 400..599");
        }
        return problems;
    }
}
