package vn.gov.camau.g.sandbox.dangkytauca;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import vn.gov.camau.g.sandbox.auth.Caller;
import vn.gov.camau.g.sandbox.http.Params;
import vn.gov.camau.g.sandbox.http.SystemException;
import vn.gov.camau.g.sandbox.sample.HomeSummary;
import vn.gov.camau.g.sandbox.sample.HomeSummary.Counter;
import vn.gov.camau.g.sandbox.sample.HomeSummary.Text;
import vn.gov.camau.g.sandbox.sample.Page;
import vn.gov.camau.g.sandbox.sample.SampleClock;

/**
 * {@code /dang-ky-tau-ca}: the vessel registry, for officials of the Department of Agriculture
 * (CM.SNNPTNT, and the provincial People's Committee CM) who see every vessel, and of districts and
 * communes, who see the vessels of owners in their area. Anyone else: 403.
 */
@Path("/dang-ky-tau-ca")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class DangKyTauCaResource {

    static final List<String> PROVINCE_WIDE = List.of("CM", "CM.SNNPTNT");

    private final VesselRegistry registry;
    private final SampleClock clock;

    DangKyTauCaResource(VesselRegistry registry, SampleClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @GET
    @Path("/vessels")
    public Page<Vessel> vessels(
            RoutingContext ctx,
            @QueryParam("q") String q,
            @QueryParam("district") String district,
            @QueryParam("zone") String zone,
            @QueryParam("licence") String licence,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Predicate<Vessel> visible = visibleTo(Params.caller(ctx));
        if (zone != null && !Vessel.ZONES.contains(zone)) {
            throw SystemException.badRequest(
                    "zone phải là một trong " + Vessel.ZONES + ".", "zone must be one of " + Vessel.ZONES + ".");
        }
        if (licence != null && !Vessel.LICENCE_STATES.contains(licence)) {
            throw SystemException.badRequest(
                    "licence phải là một trong " + Vessel.LICENCE_STATES + ".",
                    "licence must be one of " + Vessel.LICENCE_STATES + ".");
        }
        String needle = Params.folded(q);
        List<Vessel> found = registry.all().stream()
                .filter(visible)
                .filter(v -> district == null || v.registeredDistrict().code().equals(district))
                .filter(v -> zone == null || v.fishingZone().equals(zone))
                .filter(v -> licence == null || v.licence().state().equals(licence))
                .filter(v -> needle.isEmpty()
                        || Params.folded(v.registrationNumber()).contains(needle)
                        || Params.folded(v.owner().name()).contains(needle)
                        || Params.folded(v.homePort()).contains(needle))
                .toList();
        return Page.of(found, Params.wholeNumber(page, "page"), Params.wholeNumber(size, "size"));
    }

    @GET
    @Path("/vessels/{registrationNumber}")
    public Vessel vessel(RoutingContext ctx, @PathParam("registrationNumber") String registrationNumber) {
        Predicate<Vessel> visible = visibleTo(Params.caller(ctx));
        return registry.find(registrationNumber)
                .filter(visible)
                .orElseThrow(
                        () -> SystemException.notFound("tàu cá " + registrationNumber, "Vessel " + registrationNumber));
    }

    @GET
    @Path("/summary")
    public HomeSummary summary(RoutingContext ctx) {
        Predicate<Vessel> visible = visibleTo(Params.caller(ctx));
        List<Vessel> mine = registry.all().stream().filter(visible).toList();
        long active = mine.stream().filter(v -> "active".equals(v.status())).count();
        long expiring = mine.stream()
                .filter(v -> "expiring".equals(v.licence().state()))
                .count();
        long expired =
                mine.stream().filter(v -> "expired".equals(v.licence().state())).count();
        long offshoreWithoutVms = mine.stream()
                .filter(v -> "offshore".equals(v.fishingZone()) && !v.vmsInstalled())
                .count();
        List<VesselBrief> nextToExpire = mine.stream()
                .filter(v -> "expiring".equals(v.licence().state()))
                .sorted(Comparator.comparing((Vessel v) -> v.licence().expiresOn()))
                .limit(3)
                .map(VesselBrief::of)
                .toList();
        return HomeSummary.of(
                "dang-ky-tau-ca",
                new Text(
                        expiring + " giấy phép khai thác sắp hết hạn, " + expired + " đã hết hạn",
                        HomeSummary.en(expiring, "fishing licence expires", "fishing licences expire")
                                + " within 30 days, " + expired + " expired"),
                List.of(
                        Counter.of("vessels", "Tàu cá đăng ký", "Registered vessels", mine.size()),
                        Counter.of("active", "Đang hoạt động", "Active", active),
                        Counter.of(
                                "licenceExpiring",
                                "Giấy phép sắp hết hạn (30 ngày)",
                                "Licences expiring (30 days)",
                                expiring),
                        Counter.of("licenceExpired", "Giấy phép đã hết hạn", "Licences expired", expired),
                        Counter.of(
                                "offshoreWithoutVms",
                                "Tàu xa bờ chưa lắp giám sát hành trình",
                                "Offshore vessels without VMS",
                                offshoreWithoutVms)),
                nextToExpire,
                clock.now());
    }

    /** A vessel in a few words, for the home screen. */
    public record VesselBrief(
            String registrationNumber, String ownerName, String homePort, LocalDate licenceExpiresOn) {
        static VesselBrief of(Vessel v) {
            return new VesselBrief(
                    v.registrationNumber(),
                    v.owner().name(),
                    v.homePort(),
                    v.licence().expiresOn());
        }
    }

    /** What the caller may see: everything (CM, CM.SNNPTNT), their area (a district or commune), or nothing (403). */
    private static Predicate<Vessel> visibleTo(Caller caller) {
        if (!caller.isOfficial()) {
            throw SystemException.forbidden(
                    "Chỉ cán bộ (có mã cơ quan) dùng được cơ sở dữ liệu tàu cá.",
                    "Only officials (with an agency) use the vessel registry.");
        }
        String agency = caller.agency();
        if (PROVINCE_WIDE.contains(agency)) {
            return v -> true;
        }
        String level = caller.agencyLevel();
        if ("district".equals(level) || "commune".equals(level)) {
            return v -> Caller.covers(agency, v.owner().commune());
        }
        throw SystemException.forbidden(
                "Cơ quan " + agency + " không quản lý tàu cá (chỉ Sở NN&PTNT và UBND cấp huyện, xã).",
                "Agency " + agency + " does not manage fishing vessels (only CM.SNNPTNT, districts and communes).");
    }
}
