package vn.gov.camau.g.sandbox.motcua;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import vn.gov.camau.g.sandbox.auth.Caller;
import vn.gov.camau.g.sandbox.http.Params;
import vn.gov.camau.g.sandbox.http.SystemException;
import vn.gov.camau.g.sandbox.sample.HomeSummary;
import vn.gov.camau.g.sandbox.sample.HomeSummary.Counter;
import vn.gov.camau.g.sandbox.sample.HomeSummary.Text;
import vn.gov.camau.g.sandbox.sample.Page;
import vn.gov.camau.g.sandbox.sample.Sample;
import vn.gov.camau.g.sandbox.sample.SampleClock;

/** {@code /mot-cua}: the one-stop system's dossiers, for citizens (their own) and officials (their agency's). */
@Path("/mot-cua")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class MotCuaResource {

    private final DossierStore store;
    private final SampleClock clock;
    private final ObjectMapper json;

    MotCuaResource(DossierStore store, SampleClock clock, ObjectMapper json) {
        this.store = store;
        this.clock = clock;
        this.json = json;
    }

    @GET
    @Path("/dossiers")
    public Page<Dossier> list(
            RoutingContext ctx,
            @QueryParam("status") String status,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Caller caller = person(ctx);
        if (status != null && !Dossier.STATUSES.contains(status)) {
            throw SystemException.badRequest(
                    "status phải là một trong " + Dossier.STATUSES + ".",
                    "status must be one of " + Dossier.STATUSES + ".");
        }
        String needle = Params.folded(q);
        List<Dossier> found = store.visibleTo(caller).stream()
                .filter(d -> status == null || d.status().equals(status))
                .filter(d -> needle.isEmpty()
                        || Params.folded(d.code()).contains(needle)
                        || Params.folded(d.procedure().name()).contains(needle)
                        || Params.folded(d.applicant().name()).contains(needle))
                .toList();
        return Page.of(found, Params.wholeNumber(page, "page"), Params.wholeNumber(size, "size"));
    }

    @GET
    @Path("/dossiers/{code}")
    public Dossier one(RoutingContext ctx, @PathParam("code") String code) {
        return store.find(code, person(ctx))
                .orElseThrow(() -> SystemException.notFound("hồ sơ " + code, "Dossier " + code));
    }

    @POST
    @Path("/dossiers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(
            RoutingContext ctx, @HeaderParam("Idempotency-Key") String idempotencyKey, SubmitDossier request) {
        Caller caller = person(ctx);
        if (request == null) {
            throw SystemException.badRequest("Thiếu nội dung hồ sơ (JSON).", "The dossier (JSON) is missing.");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw SystemException.badRequest(
                    "Idempotency-Key phải có 1–255 ký tự.", "Idempotency-Key must have 1–255 characters.");
        }
        DossierStore.Submission submission = store.submit(caller, idempotencyKey, request, canonical(request));
        Response.ResponseBuilder answer = Response.status(201)
                .header("Location", "/mot-cua/dossiers/" + submission.dossier().code())
                .entity(submission.dossier());
        if (submission.replayed()) {
            answer.header("Idempotency-Replayed", "true");
        }
        return answer.build();
    }

    @GET
    @Path("/procedures")
    public ProcedureList procedures(RoutingContext ctx) {
        person(ctx);
        return new ProcedureList(Procedure.ALL, true, Sample.NOTE);
    }

    @GET
    @Path("/summary")
    public HomeSummary summary(RoutingContext ctx) {
        Caller caller = person(ctx);
        List<Dossier> mine = store.visibleTo(caller);
        LocalDate today = clock.today();
        long open = mine.stream().filter(Dossier::open).count();
        long supplement = count(mine, "supplement-requested");
        long late = mine.stream()
                .filter(d ->
                        "late".equals(d.status()) || (d.open() && d.dueDate().isBefore(today)))
                .count();
        if (caller.isOfficial()) {
            long receivedToday = mine.stream()
                    .filter(d -> d.receivedAt().toLocalDate().equals(today))
                    .count();
            long dueSoon = mine.stream()
                    .filter(d -> d.open()
                            && !d.dueDate().isBefore(today)
                            && !d.dueDate().isAfter(today.plusDays(3)))
                    .count();
            long resolvedThisMonth = mine.stream()
                    .filter(d -> d.resolvedAt() != null
                            && d.resolvedAt().getYear() == today.getYear()
                            && d.resolvedAt().getMonth() == today.getMonth())
                    .count();
            List<DossierBrief> nearestDue = mine.stream()
                    .filter(Dossier::open)
                    .sorted(Comparator.comparing(Dossier::dueDate))
                    .limit(3)
                    .map(DossierBrief::of)
                    .toList();
            return HomeSummary.of(
                    "mot-cua",
                    new Text(
                            open + " hồ sơ đang giải quyết, " + dueSoon + " sắp đến hạn",
                            HomeSummary.en(open, "dossier", "dossiers") + " in progress, " + dueSoon + " due soon"),
                    List.of(
                            Counter.of("receivedToday", "Tiếp nhận hôm nay", "Received today", receivedToday),
                            Counter.of("inProgress", "Đang giải quyết", "In progress", open),
                            Counter.of("dueSoon", "Sắp đến hạn (3 ngày)", "Due within 3 days", dueSoon),
                            Counter.of("late", "Quá hạn", "Late", late),
                            Counter.of(
                                    "resolvedThisMonth",
                                    "Đã giải quyết trong tháng",
                                    "Resolved this month",
                                    resolvedThisMonth)),
                    nearestDue,
                    clock.now());
        }
        List<DossierBrief> latest = mine.stream().limit(3).map(DossierBrief::of).toList();
        return HomeSummary.of(
                "mot-cua",
                supplement > 0
                        ? new Text(
                                supplement + " hồ sơ cần bổ sung giấy tờ",
                                HomeSummary.en(supplement, "dossier needs", "dossiers need") + " more documents")
                        : new Text(
                                open + " hồ sơ đang giải quyết",
                                HomeSummary.en(open, "dossier", "dossiers") + " in progress"),
                List.of(
                        Counter.of("total", "Tổng số hồ sơ", "All dossiers", mine.size()),
                        Counter.of("inProgress", "Đang giải quyết", "In progress", open),
                        Counter.of("supplementRequested", "Cần bổ sung", "Need more documents", supplement),
                        Counter.of("resolved", "Đã có kết quả", "Resolved", count(mine, "resolved"))),
                latest,
                clock.now());
    }

    /** A dossier in a few words, for the home screen. */
    public record DossierBrief(String code, String procedureName, String status, LocalDate dueDate, String agencyName) {
        static DossierBrief of(Dossier d) {
            return new DossierBrief(
                    d.code(),
                    d.procedure().name(),
                    d.status(),
                    d.dueDate(),
                    d.receivingAgency().name());
        }
    }

    public record ProcedureList(List<Procedure> items, boolean sample, String note) {}

    private static long count(List<Dossier> dossiers, String status) {
        return dossiers.stream().filter(d -> d.status().equals(status)).count();
    }

    /** Citizens and officials use the system; anyone else (a client without a person) does not. */
    private static Caller person(RoutingContext ctx) {
        Caller caller = Params.caller(ctx);
        if (!caller.isCitizen() && !caller.isOfficial()) {
            throw SystemException.forbidden(
                    "Chỉ công dân và cán bộ (có mã cơ quan) dùng được hệ thống một cửa.",
                    "Only citizens and officials (with an agency) use the one-stop system.");
        }
        return caller;
    }

    private String canonical(SubmitDossier request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
