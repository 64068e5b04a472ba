package vn.gov.camau.g.sandbox.faults;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.gov.camau.g.sandbox.http.SystemException;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;
import vn.gov.camau.g.sandbox.systems.SystemRules;
import vn.gov.camau.g.sandbox.systems.Systems;

/**
 * {@code /_sandbox}: the sandbox's own controls (development only, no authentication): the
 * systems, their auth rules, and their faults, which tests switch at run time.
 */
@Path("/_sandbox/systems")
@Produces(MediaType.APPLICATION_JSON)
@io.smallrye.common.annotation.NonBlocking
public class SandboxAdminResource {

    private final Systems systems;
    private final Faults faults;
    private final vn.gov.camau.g.sandbox.systems.ContractFiles contracts;

    SandboxAdminResource(Systems systems, Faults faults, vn.gov.camau.g.sandbox.systems.ContractFiles contracts) {
        this.systems = systems;
        this.faults = faults;
        this.contracts = contracts;
    }

    @GET
    public SystemList list() {
        return new SystemList(
                Arrays.stream(SandboxSystem.values()).map(this::view).toList(),
                systems.config().latencyProfile().name(),
                true);
    }

    @GET
    @Path("/{id}")
    public SystemView one(@PathParam("id") String id) {
        return view(system(id));
    }

    @PUT
    @Path("/{id}/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public SystemView setFaults(@PathParam("id") String id, FaultSettings settings) {
        SandboxSystem system = system(id);
        if (settings == null) {
            throw SystemException.badRequest("Thiếu nội dung JSON.", "A JSON body is required.");
        }
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw SystemException.badRequest(
                    "Cấu hình lỗi không hợp lệ: " + String.join("; ", problems),
                    "Invalid fault settings: " + String.join("; ", problems));
        }
        faults.set(system, settings);
        return view(system);
    }

    @DELETE
    @Path("/{id}/faults")
    public SystemView resetFaults(@PathParam("id") String id) {
        SandboxSystem system = system(id);
        faults.reset(system);
        return view(system);
    }

    /** The system's upstream contract (openapi/upstreams/&lt;id&gt;.yaml), as built into the sandbox. */
    @GET
    @Path("/{id}/contract")
    @Produces("application/yaml")
    public String contract(@PathParam("id") String id) {
        SandboxSystem system = system(id);
        return contracts
                .of(system)
                .orElseThrow(() -> SystemException.notFound("hợp đồng của " + id, "The contract of " + id));
    }

    private SandboxSystem system(String id) {
        return SandboxSystem.byId(id).orElseThrow(() -> SystemException.notFound("hệ thống " + id, "System " + id));
    }

    private SystemView view(SandboxSystem system) {
        SystemRules rules = systems.rules(system);
        return new SystemView(
                system.id(),
                Map.of("vi", system.nameVi(), "en", system.nameEn()),
                system.prefix(),
                new AuthView(
                        rules.mode().wireName(),
                        rules.audiences().isEmpty() ? null : new TreeSet<>(rules.acceptedAudiences()),
                        rules.mode() == vn.gov.camau.g.sandbox.systems.AuthMode.EXCHANGE
                                ? rules.acceptGatewayAudience()
                                : null,
                        rules.clientIds().isEmpty() ? null : new TreeSet<>(rules.clientIds()),
                        rules.mode() == vn.gov.camau.g.sandbox.systems.AuthMode.API_KEY ? rules.apiKeyHeader() : null),
                faults.settings(system),
                faults.baseline(system));
    }

    public record SystemList(List<SystemView> systems, String latencyProfile, boolean sample) {}

    public record SystemView(
            String id,
            Map<String, String> names,
            String prefix,
            AuthView auth,
            FaultSettings faults,
            FaultSettings baseline) {}

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record AuthView(
            String mode,
            java.util.Set<String> audiences,
            Boolean acceptGatewayAudience,
            java.util.Set<String> clientIds,
            String apiKeyHeader) {}
}
