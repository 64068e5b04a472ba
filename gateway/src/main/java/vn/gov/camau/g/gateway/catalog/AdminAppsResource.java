package vn.gov.camau.g.gateway.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.gov.camau.g.gateway.identity.Roles;
import vn.gov.camau.g.gateway.problem.FieldViolation;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;
import vn.gov.camau.g.gateway.routing.SystemGuards;
import vn.gov.camau.g.gateway.routing.SystemHealth;

/**
 * Platform admins add, change, disable and enable systems. Each change is validated whole, stored
 * with its audit entry, and in effect from the next request on, on every instance.
 */
@Path("/api/v1/admin/apps")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAppsResource {

    private static final Localized ID_MISMATCH = new Localized(
            "Mã trong bản khai báo phải trùng với mã trong đường dẫn.",
            "The manifest's id must equal the id in the path.");

    private final CatalogStore store;
    private final Catalog catalog;
    private final ManifestReader manifests;
    private final SecurityIdentity identity;
    private final SystemGuards guards;
    private final ExchangeAudiences audiences;

    AdminAppsResource(
            CatalogStore store,
            Catalog catalog,
            ManifestReader manifests,
            SecurityIdentity identity,
            SystemGuards guards,
            ExchangeAudiences audiences) {
        this.store = store;
        this.catalog = catalog;
        this.manifests = manifests;
        this.identity = identity;
        this.guards = guards;
        this.audiences = audiences;
    }

    @GET
    public Uni<List<AdminApp>> list() {
        return store.all()
                .map(apps -> apps.stream()
                        .sorted(Comparator.comparing(app -> app.id))
                        .map(this::view)
                        .toList());
    }

    @GET
    @Path("/{id}")
    public Uni<AdminApp> get(@PathParam("id") String id) {
        return store.find(id).map(this::view);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Added")
    public Uni<Response> create(JsonNode body) {
        AppManifest manifest = manifests.read(body);
        return audiences
                .ensure(manifest)
                .chain(() -> store.create(manifest, actor()))
                .call(catalog::refresh)
                .map(app -> Response.created(URI.create("/api/v1/admin/apps/" + app.id))
                        .entity(view(app))
                        .build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AdminApp> replace(@PathParam("id") String id, JsonNode body) {
        AppManifest manifest = manifests.read(body);
        if (!manifest.id().equals(id)) {
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED,
                    ProblemType.VALIDATION_FAILED.defaultDetail(),
                    List.of(new FieldViolation("id", ID_MISMATCH)));
        }
        return audiences
                .ensure(manifest)
                .chain(() -> store.replace(id, manifest, actor()))
                .call(catalog::refresh)
                .map(this::view);
    }

    @POST
    @Path("/{id}/disable")
    public Uni<AdminApp> disable(@PathParam("id") String id) {
        return store.setEnabled(id, false, actor()).call(catalog::refresh).map(this::view);
    }

    @POST
    @Path("/{id}/enable")
    public Uni<AdminApp> enable(@PathParam("id") String id) {
        return store.find(id)
                .chain(app -> audiences.ensure(manifests.stored(app.manifest)))
                .chain(() -> store.setEnabled(id, true, actor()))
                .call(catalog::refresh)
                .map(this::view);
    }

    /** How calls to the system are going on this instance: breaker, calls in flight, failures. */
    @GET
    @Path("/{id}/health")
    public Uni<SystemHealth> health(@PathParam("id") String id) {
        return store.find(id).map(app -> guards.health(app.id));
    }

    @GET
    @Path("/{id}/audit")
    public Uni<List<AuditView>> audit(@PathParam("id") String id) {
        return store.audit(id).map(entries -> entries.stream().map(this::view).toList());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private AdminApp view(CatalogApp app) {
        return new AdminApp(
                app.id,
                app.enabled,
                app.source,
                app.createdVersion,
                app.changedVersion,
                app.updatedAt,
                manifests.stored(app.manifest));
    }

    private AuditView view(CatalogAuditEntry entry) {
        return new AuditView(
                entry.id,
                entry.action,
                entry.actor,
                entry.at,
                entry.before == null ? null : manifests.stored(entry.before),
                entry.enabledBefore,
                entry.after == null ? null : manifests.stored(entry.after),
                entry.enabledAfter);
    }

    /** A system as an admin manages it. */
    public record AdminApp(
            String id,
            boolean enabled,
            String source,
            long createdVersion,
            long changedVersion,
            OffsetDateTime updatedAt,
            AppManifest manifest) {}

    /** One change, with what the system was before and after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditView(
            long id,
            String action,
            String actor,
            OffsetDateTime at,
            AppManifest before,
            Boolean enabledBefore,
            AppManifest after,
            Boolean enabledAfter) {}
}
