package vn.gov.camau.g.sandbox.vanban;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import vn.gov.camau.g.sandbox.sample.SampleClock;

/** {@code /van-ban}: the incoming documents of the caller's agency (officials only). */
@Path("/van-ban")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class VanBanResource {

    private final DocumentStore store;
    private final SampleClock clock;

    VanBanResource(DocumentStore store, SampleClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Path("/documents")
    public Page<IncomingDocument> inbox(
            RoutingContext ctx,
            @QueryParam("unread") String unread,
            @QueryParam("urgency") String urgency,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Caller caller = official(ctx);
        if (unread != null && !unread.equals("true") && !unread.equals("false")) {
            throw SystemException.badRequest("unread phải là true hoặc false.", "unread must be true or false.");
        }
        if (urgency != null && !IncomingDocument.URGENCIES.contains(urgency)) {
            throw SystemException.badRequest(
                    "urgency phải là một trong " + IncomingDocument.URGENCIES + ".",
                    "urgency must be one of " + IncomingDocument.URGENCIES + ".");
        }
        String needle = Params.folded(q);
        List<IncomingDocument> found = store.inbox(caller.agency()).stream()
                .filter(d -> unread == null || d.read() != Boolean.parseBoolean(unread))
                .filter(d -> urgency == null || d.urgency().equals(urgency))
                .filter(d -> needle.isEmpty()
                        || Params.folded(d.number()).contains(needle)
                        || Params.folded(d.summary()).contains(needle)
                        || Params.folded(d.issuer().name()).contains(needle))
                .toList();
        return Page.of(found, Params.wholeNumber(page, "page"), Params.wholeNumber(size, "size"));
    }

    @GET
    @Path("/documents/{id}")
    public IncomingDocument one(RoutingContext ctx, @PathParam("id") String id) {
        return store.find(official(ctx).agency(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/documents/{id}/read")
    public IncomingDocument markRead(RoutingContext ctx, @PathParam("id") String id) {
        return store.markRead(official(ctx).agency(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/summary")
    public HomeSummary summary(RoutingContext ctx) {
        Caller caller = official(ctx);
        List<IncomingDocument> inbox = store.inbox(caller.agency());
        LocalDate today = clock.today();
        long unread = inbox.stream().filter(d -> !d.read()).count();
        long dueToday = inbox.stream().filter(d -> today.equals(d.dueDate())).count();
        long overdue = inbox.stream()
                .filter(d -> !d.read() && d.dueDate() != null && d.dueDate().isBefore(today))
                .count();
        long urgentUnread = inbox.stream()
                .filter(d -> !d.read() && !"normal".equals(d.urgency()))
                .count();
        List<DocumentBrief> first = inbox.stream()
                .filter(d -> !d.read())
                .sorted(Comparator.comparing((IncomingDocument d) -> IncomingDocument.URGENCIES.indexOf(d.urgency()))
                        .reversed()
                        .thenComparing(IncomingDocument::receivedAt, Comparator.reverseOrder()))
                .limit(3)
                .map(DocumentBrief::of)
                .toList();
        return HomeSummary.of(
                "van-ban",
                new Text(
                        unread + " văn bản chưa đọc, " + dueToday + " đến hạn xử lý hôm nay",
                        HomeSummary.en(unread, "unread document", "unread documents") + ", " + dueToday + " due today"),
                List.of(
                        Counter.of("unread", "Chưa đọc", "Unread", unread),
                        Counter.of("dueToday", "Đến hạn hôm nay", "Due today", dueToday),
                        Counter.of("overdue", "Quá hạn xử lý", "Overdue", overdue),
                        Counter.of("urgentUnread", "Khẩn chưa đọc", "Urgent, unread", urgentUnread)),
                first,
                clock.now());
    }

    /** A document in a few words, for the home screen. */
    public record DocumentBrief(
            String id, String number, String summary, String issuerName, String urgency, LocalDate dueDate) {
        static DocumentBrief of(IncomingDocument d) {
            return new DocumentBrief(d.id(), d.number(), d.summary(), d.issuer().name(), d.urgency(), d.dueDate());
        }
    }

    private static SystemException notFound(String id) {
        return SystemException.notFound(
                "văn bản " + id + " trong hộp thư của cơ quan", "Document " + id + " in the agency's inbox");
    }

    private static Caller official(RoutingContext ctx) {
        Caller caller = Params.caller(ctx);
        if (!caller.isOfficial()) {
            throw SystemException.forbidden(
                    "Chỉ cán bộ (có mã cơ quan) dùng được hệ thống quản lý văn bản.",
                    "Only officials (with an agency) use the document system.");
        }
        return caller;
    }
}
