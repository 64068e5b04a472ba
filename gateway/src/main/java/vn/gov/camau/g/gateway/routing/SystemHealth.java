package vn.gov.camau.g.gateway.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * How calls to one system are going, as /q/health and the admin API show it.
 *
 * @param breaker closed, open or half-open
 * @param lastFailure what the last failed call met (a timeout, a refused connection, a status)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemHealth(
        String system,
        String breaker,
        int inFlight,
        long calls,
        long failures,
        String lastFailure,
        Instant lastFailureAt) {}
