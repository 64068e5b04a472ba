package vn.gov.camau.g.sandbox.hoptructuyen;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A video-conference meeting between People's Committees and departments. {@code status} is
 * scheduled, in-progress, ended (from the clock) or cancelled.
 */
public record Meeting(
        String id,
        String title,
        String level,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String status,
        Room room,
        Chair chair,
        AgencyRef host,
        List<Participant> participants,
        String joinUrl,
        boolean sample) {

    public static final List<String> STATUSES = List.of("scheduled", "in-progress", "ended", "cancelled");

    Meeting withStatus(String newStatus) {
        return new Meeting(
                id, title, level, startsAt, endsAt, newStatus, room, chair, host, participants, joinUrl, sample);
    }

    /** The main room (điểm cầu chính). */
    public record Room(String name, String address) {}

    public record Chair(String name, String title) {}

    public record AgencyRef(String code, String name) {}

    /** An agency joining from its own bridge room (điểm cầu). */
    public record Participant(String agencyCode, String agencyName, String endpoint) {}
}
