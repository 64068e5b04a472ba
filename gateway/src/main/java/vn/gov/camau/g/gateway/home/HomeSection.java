package vn.gov.camau.g.gateway.home;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One section of the home screen, as the phone renders it.
 *
 * @param status ok (fresh), stale (the system failed; its last good value is shown), unavailable
 * @param upstreamStatus the status the system answered when it failed, if it answered
 * @param data the system's answer, as it sent it (JSON)
 * @param fetchedAt when {@code data} was fetched
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HomeSection(
        String id,
        String system,
        String title,
        String status,
        Integer upstreamStatus,
        @JsonRawValue String data,
        Instant fetchedAt) {}
