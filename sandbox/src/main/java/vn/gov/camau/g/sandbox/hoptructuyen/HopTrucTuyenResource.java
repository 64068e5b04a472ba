package vn.gov.camau.g.sandbox.hoptructuyen;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import vn.gov.camau.g.sandbox.http.Params;
import vn.gov.camau.g.sandbox.http.SystemException;
import vn.gov.camau.g.sandbox.sample.HomeSummary;
import vn.gov.camau.g.sandbox.sample.HomeSummary.Counter;
import vn.gov.camau.g.sandbox.sample.HomeSummary.Text;
import vn.gov.camau.g.sandbox.sample.Page;
import vn.gov.camau.g.sandbox.sample.SampleClock;

/**
 * {@code /hop-truc-tuyen}: meetings. The caller is the platform (client credentials), not a
 * person, so "whose meetings" is the {@code agency} query parameter (the platform sets it to the
 * signed-in official's agency code, from the token); without it, every meeting. A meeting the
 * agency takes no part in is not found for it.
 */
@Path("/hop-truc-tuyen")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class HopTrucTuyenResource {

    static final List<String> RANGES = List.of("today", "week", "month", "all");

    private final MeetingStore store;
    private final SampleClock clock;

    HopTrucTuyenResource(MeetingStore store, SampleClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Path("/meetings")
    public Page<Meeting> meetings(
            @QueryParam("range") String range,
            @QueryParam("date") String date,
            @QueryParam("agency") String agency,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        String chosen = range == null ? "week" : range;
        if (!RANGES.contains(chosen)) {
            throw SystemException.badRequest(
                    "range phải là một trong " + RANGES + ".", "range must be one of " + RANGES + ".");
        }
        LocalDate day = date == null ? clock.today() : parseDate(date);
        LocalDate from;
        LocalDate to;
        switch (chosen) {
            case "today" -> {
                from = day;
                to = day;
            }
            case "week" -> {
                from = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                to = from.plusDays(6);
            }
            case "month" -> {
                from = day.withDayOfMonth(1);
                to = day.with(TemporalAdjusters.lastDayOfMonth());
            }
            default -> {
                from = LocalDate.MIN;
                to = LocalDate.MAX;
            }
        }
        String who = checkedAgency(agency);
        List<Meeting> found = store.all().stream()
                .filter(m -> !m.startsAt().toLocalDate().isBefore(from)
                        && !m.startsAt().toLocalDate().isAfter(to))
                .filter(m -> who == null || MeetingStore.involves(m, who))
                .toList();
        return Page.of(found, Params.wholeNumber(page, "page"), Params.wholeNumber(size, "size"));
    }

    @GET
    @Path("/meetings/{id}")
    public Meeting one(@PathParam("id") String id, @QueryParam("agency") String agency) {
        String who = checkedAgency(agency);
        return store.find(id)
                .filter(m -> who == null || MeetingStore.involves(m, who))
                .orElseThrow(() -> SystemException.notFound("cuộc họp " + id, "Meeting " + id));
    }

    @GET
    @Path("/summary")
    public HomeSummary summary(@QueryParam("agency") String agency) {
        String who = checkedAgency(agency);
        LocalDate today = clock.today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Meeting> mine = store.all().stream()
                .filter(m -> who == null || MeetingStore.involves(m, who))
                .filter(m -> !"cancelled".equals(m.status()))
                .toList();
        List<Meeting> todays = mine.stream()
                .filter(m -> m.startsAt().toLocalDate().equals(today))
                .toList();
        long thisWeek = mine.stream()
                .filter(m -> !m.startsAt().toLocalDate().isBefore(monday)
                        && !m.startsAt().toLocalDate().isAfter(monday.plusDays(6)))
                .count();
        long now = todays.stream().filter(m -> "in-progress".equals(m.status())).count();
        return HomeSummary.of(
                "hop-truc-tuyen",
                todays.isEmpty()
                        ? new Text("Hôm nay không có cuộc họp trực tuyến", "No video meetings today")
                        : new Text(
                                "Hôm nay có " + todays.size() + " cuộc họp trực tuyến",
                                HomeSummary.en(todays.size(), "video meeting", "video meetings") + " today"),
                List.of(
                        Counter.of("today", "Hôm nay", "Today", todays.size()),
                        Counter.of("inProgress", "Đang diễn ra", "In progress", now),
                        Counter.of("thisWeek", "Trong tuần", "This week", thisWeek)),
                todays.stream().map(MeetingBrief::of).toList(),
                clock.now());
    }

    /** A meeting in a few words, for the home screen. */
    public record MeetingBrief(
            String id,
            String title,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String status,
            String room,
            String chair,
            String joinUrl) {
        static MeetingBrief of(Meeting m) {
            return new MeetingBrief(
                    m.id(),
                    m.title(),
                    m.startsAt(),
                    m.endsAt(),
                    m.status(),
                    m.room().name(),
                    m.chair().name() + ", " + m.chair().title(),
                    m.joinUrl());
        }
    }

    private static String checkedAgency(String agency) {
        if (agency == null || agency.isEmpty()) {
            return null;
        }
        if (!agency.matches("[A-Z0-9]+(\\.[A-Z0-9]+)*")) {
            throw SystemException.badRequest(
                    "agency phải là một mã cơ quan (như CM.TVT).", "agency must be an agency code (like CM.TVT).");
        }
        return agency;
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException notADate) {
            throw SystemException.badRequest("date phải có dạng YYYY-MM-DD.", "date must be YYYY-MM-DD.");
        }
    }
}
