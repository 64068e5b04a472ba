package vn.gov.camau.g.sandbox.quantrac;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import vn.gov.camau.g.sandbox.auth.Caller;
import vn.gov.camau.g.sandbox.http.Params;
import vn.gov.camau.g.sandbox.http.SystemException;
import vn.gov.camau.g.sandbox.quantrac.Station.Alert;
import vn.gov.camau.g.sandbox.quantrac.Station.Reading;
import vn.gov.camau.g.sandbox.sample.HomeSummary;
import vn.gov.camau.g.sandbox.sample.HomeSummary.Counter;
import vn.gov.camau.g.sandbox.sample.HomeSummary.Text;
import vn.gov.camau.g.sandbox.sample.Sample;
import vn.gov.camau.g.sandbox.sample.SampleClock;

/** {@code /quan-trac-moi-truong}: stations and their readings (public data, behind an API key). */
@Path("/quan-trac-moi-truong")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class QuanTracResource {

    static final int MAX_HOURS = 168;

    private final StationNetwork network;
    private final SampleClock clock;

    QuanTracResource(StationNetwork network, SampleClock clock) {
        this.network = network;
        this.clock = clock;
    }

    @GET
    @Path("/stations")
    public StationList stations(@QueryParam("district") String district, @QueryParam("alerts") String alerts) {
        if (alerts != null && !alerts.equals("true") && !alerts.equals("false")) {
            throw SystemException.badRequest("alerts phải là true hoặc false.", "alerts must be true or false.");
        }
        boolean onlyAlerts = Boolean.parseBoolean(alerts);
        List<Station> found = network.stations().stream()
                .filter(s ->
                        district == null || Caller.covers(district, s.location().district()))
                .filter(s -> !onlyAlerts || !s.latest().alerts().isEmpty())
                .toList();
        return new StationList(found, found.size(), true, Sample.NOTE);
    }

    @GET
    @Path("/stations/{id}")
    public Station station(@PathParam("id") String id) {
        return network.station(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/stations/{id}/readings")
    public ReadingList readings(@PathParam("id") String id, @QueryParam("hours") String hours) {
        Integer asked = Params.wholeNumber(hours, "hours");
        int span = asked == null ? 24 : asked;
        if (span < 1 || span > MAX_HOURS) {
            throw SystemException.badRequest(
                    "hours phải trong khoảng 1.." + MAX_HOURS + ".", "hours must be 1.." + MAX_HOURS + ".");
        }
        List<Reading> readings = network.readings(id, span).orElseThrow(() -> notFound(id));
        return new ReadingList(id, span, StationNetwork.INTERVAL_MINUTES, readings, true, Sample.NOTE);
    }

    @GET
    @Path("/summary")
    public HomeSummary summary() {
        List<Station> stations = network.stations();
        List<StationAlert> salinity = alerts(stations, "salinity");
        List<StationAlert> waterLevel = alerts(stations, "waterLevel");
        long online = stations.stream().filter(s -> "online".equals(s.status())).count();
        List<StationAlert> shown = new java.util.ArrayList<>(salinity);
        shown.addAll(waterLevel);
        shown.sort(Comparator.comparing((StationAlert a) -> "danger".equals(a.level()) ? 0 : 1)
                .thenComparing(StationAlert::stationId));
        return HomeSummary.of(
                "quan-trac-moi-truong",
                salinity.isEmpty()
                        ? new Text(
                                "Độ mặn trong ngưỡng an toàn tại các trạm", "Salinity within limits at every station")
                        : new Text(
                                salinity.size() + " trạm cảnh báo độ mặn",
                                HomeSummary.en(salinity.size(), "station", "stations") + " with a salinity alert"),
                List.of(
                        Counter.of("salinityAlerts", "Cảnh báo độ mặn", "Salinity alerts", salinity.size()),
                        Counter.of("waterLevelAlerts", "Cảnh báo mực nước", "Water-level alerts", waterLevel.size()),
                        Counter.of("stationsOnline", "Trạm đang hoạt động", "Stations online", online),
                        Counter.of("stations", "Tổng số trạm", "Stations", stations.size())),
                shown,
                clock.now());
    }

    /** An alert at a station, for the home screen. */
    public record StationAlert(
            String stationId,
            String stationName,
            String parameter,
            String level,
            double value,
            double threshold,
            java.time.OffsetDateTime at) {}

    public record StationList(List<Station> items, int total, boolean sample, String note) {}

    public record ReadingList(
            String stationId, int hours, int intervalMinutes, List<Reading> items, boolean sample, String note) {}

    private static List<StationAlert> alerts(List<Station> stations, String parameter) {
        return stations.stream()
                .filter(s -> "online".equals(s.status()))
                .flatMap(s -> s.latest().alerts().stream()
                        .filter(a -> a.parameter().equals(parameter))
                        .map(a -> of(s, a)))
                .toList();
    }

    private static StationAlert of(Station s, Alert a) {
        return new StationAlert(
                s.id(),
                s.name(),
                a.parameter(),
                a.level(),
                a.value(),
                a.threshold(),
                s.latest().at());
    }

    private static SystemException notFound(String id) {
        return SystemException.notFound("trạm " + id, "Station " + id);
    }
}
