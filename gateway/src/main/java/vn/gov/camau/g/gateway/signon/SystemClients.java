package vn.gov.camau.g.gateway.signon;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Makes a system an audience Keycloak will exchange tokens for: its client {@code app-<id>}, and
 * an audience mapper on the gateway's client. Idempotent; runs with the provisioner's own token,
 * which may manage clients and nothing else.
 */
@ApplicationScoped
public class SystemClients {

    private static final Logger LOG = Logger.getLogger(SystemClients.class);
    private static final long TIMEOUT_MS = Duration.ofSeconds(5).toMillis();

    private final SignOnConfig config;
    private final WebClient keycloak;

    SystemClients(SignOnConfig config, Vertx vertx) {
        this.config = config;
        this.keycloak = WebClient.create(vertx);
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }

    /** Ensures Keycloak knows the system as an exchange audience; fails with {@link SignOnRefusedException}. */
    public Uni<Void> provision(String systemId, String nameVi) {
        String clientId = config.systemClientPrefix() + systemId;
        return provisionerToken()
                .chain(token -> ensureClient(token, clientId, systemId, nameVi)
                        .chain(() -> findClient(token, config.gatewayClientId()))
                        .chain(gateway -> ensureAudienceMapper(token, gateway, clientId)))
                .invoke(() -> LOG.debugf("Keycloak knows %s as an exchange audience", clientId));
    }

    private Uni<String> provisionerToken() {
        if (config.provisionerClientSecret().isEmpty()) {
            return Uni.createFrom().failure(new SignOnRefusedException("No provisioner secret is configured", 0));
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", config.provisionerClientId())
                .add("client_secret", config.provisionerClientSecret().get());
        return keycloak.postAbs(config.tokenEndpoint())
                .timeout(TIMEOUT_MS)
                .sendForm(form)
                .map(response -> expect(response, 200).bodyAsJsonObject().getString("access_token"));
    }

    private Uni<Void> ensureClient(String token, String clientId, String systemId, String nameVi) {
        JsonObject client = new JsonObject()
                .put("clientId", clientId)
                .put("name", nameVi)
                .put("description", "Audience of sectoral system " + systemId + " (made by Cà Mau G)")
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("bearerOnly", false)
                .put("standardFlowEnabled", false)
                .put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", false)
                .put("serviceAccountsEnabled", false)
                .put("fullScopeAllowed", false)
                .put("attributes", new JsonObject().put("camau.system.id", systemId));
        return findClientOrNull(token, clientId).chain(existing -> {
            if (existing != null) {
                return admin(token, "PUT", "/clients/" + existing, client.put("id", existing), 204);
            }
            return admin(token, "POST", "/clients", client, 201);
        });
    }

    private Uni<Void> ensureAudienceMapper(String token, String gatewayUuid, String clientId) {
        String name = "audience-" + clientId;
        String path = "/clients/" + gatewayUuid + "/protocol-mappers/models";
        return keycloak.getAbs(config.adminEndpoint() + path)
                .bearerTokenAuthentication(token)
                .timeout(TIMEOUT_MS)
                .send()
                .map(response -> expect(response, 200).bodyAsJsonArray())
                .chain(mappers -> {
                    for (Object mapper : mappers) {
                        if (name.equals(((JsonObject) mapper).getString("name"))) {
                            return Uni.createFrom().voidItem();
                        }
                    }
                    JsonObject mapper = new JsonObject()
                            .put("name", name)
                            .put("protocol", "openid-connect")
                            .put("protocolMapper", "oidc-audience-mapper")
                            .put(
                                    "config",
                                    new JsonObject()
                                            .put("included.client.audience", clientId)
                                            .put("access.token.claim", "true")
                                            .put("id.token.claim", "false")
                                            .put("introspection.token.claim", "true"));
                    return admin(token, "POST", path, mapper, 201);
                });
    }

    private Uni<String> findClient(String token, String clientId) {
        return findClientOrNull(token, clientId).map(uuid -> {
            if (uuid == null) {
                throw new SignOnRefusedException("Keycloak has no client " + clientId, 404);
            }
            return uuid;
        });
    }

    private Uni<String> findClientOrNull(String token, String clientId) {
        return keycloak.getAbs(config.adminEndpoint() + "/clients")
                .addQueryParam("clientId", clientId)
                .bearerTokenAuthentication(token)
                .timeout(TIMEOUT_MS)
                .send()
                .map(response -> {
                    JsonArray found = expect(response, 200).bodyAsJsonArray();
                    for (Object client : found) {
                        if (clientId.equals(((JsonObject) client).getString("clientId"))) {
                            return ((JsonObject) client).getString("id");
                        }
                    }
                    return null;
                });
    }

    private Uni<Void> admin(String token, String method, String path, JsonObject body, int expected) {
        var request = "PUT".equals(method)
                ? keycloak.putAbs(config.adminEndpoint() + path)
                : keycloak.postAbs(config.adminEndpoint() + path);
        return request.bearerTokenAuthentication(token)
                .timeout(TIMEOUT_MS)
                .sendJsonObject(body)
                .invoke(response -> expect(response, expected))
                .replaceWithVoid();
    }

    private static HttpResponse<Buffer> expect(HttpResponse<Buffer> response, int status) {
        if (response.statusCode() != status) {
            throw new SignOnRefusedException(
                    "Keycloak answered " + response.statusCode() + ": " + response.bodyAsString(),
                    response.statusCode());
        }
        return response;
    }
}
