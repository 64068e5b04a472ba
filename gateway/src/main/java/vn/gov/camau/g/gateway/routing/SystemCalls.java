package vn.gov.camau.g.gateway.routing;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import vn.gov.camau.g.gateway.catalog.AppManifest;

/**
 * The gateway's own calls to a system (not a caller's proxied call): a GET whose small answer the
 * gateway reads, under the same breaker, bulkhead and authentication as proxied calls.
 */
@ApplicationScoped
public class SystemCalls {

    private final SystemGuards guards;
    private final UpstreamAuthorization authorizations;
    private final RouteTable routes;
    private final WebClient client;

    SystemCalls(SystemGuards guards, UpstreamAuthorization authorizations, RouteTable routes, Vertx vertx) {
        this.guards = guards;
        this.authorizations = authorizations;
        this.routes = routes;
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setFollowRedirects(false)
                        .setConnectTimeout(2_000)
                        .setKeepAlive(true)
                        // Vert.x's default is 5 per host: the home screen's sections of systems
                        // behind one host (a data centre's proxy, the sandbox) queued behind each other.
                        .setMaxPoolSize(256));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * GETs {@code path} of a system within {@code deadline}. A 2xx answer is the item; anything
     * else fails with {@link SystemFailedException} saying what happened.
     */
    public Uni<Buffer> get(AppManifest app, String path, String callerToken, Duration deadline) {
        SystemGuard guard = guards.of(app.id());
        RouteTable.CompiledSystem system = routes.of(app);
        UpstreamPolicy policy = system.policy();
        Duration limit = deadline.compareTo(policy.deadline()) < 0 ? deadline : policy.deadline();
        if (!guard.breaker.tryAcquire()) {
            return Uni.createFrom().failure(new SystemFailedException(app.id(), "circuit breaker open", null));
        }
        if (!guard.enter(policy.concurrency())) {
            guard.breaker.onAbandoned();
            return Uni.createFrom().failure(new SystemFailedException(app.id(), "too many calls in flight", null));
        }
        String url = authorizations.resolveBaseUrl(app.upstream().baseUrl()) + path;
        String[] platformSecret = {null};
        return authorizations
                .of(app, callerToken)
                .chain(header -> {
                    HttpRequest<Buffer> request = client.getAbs(url).timeout(limit.toMillis());
                    header.ifPresent(h -> request.putHeader(h.name(), h.value()));
                    platformSecret[0] = header.map(UpstreamAuthorization.Header::platformSecret)
                            .orElse(null);
                    return request.send();
                })
                .onFailure()
                .invoke(failure -> guard.recordFailure(failure.getClass().getSimpleName()))
                .onFailure()
                .transform(failure -> failure instanceof SystemFailedException
                        ? failure
                        : new SystemFailedException(app.id(), failure.getMessage(), null))
                .map(response -> {
                    if (response.statusCode() >= 500) {
                        guard.recordFailure("answered " + response.statusCode());
                        throw new SystemFailedException(
                                app.id(), "answered " + response.statusCode(), response.statusCode());
                    }
                    guard.recordSuccess();
                    if (platformSecret[0] != null && reflects(response, platformSecret[0])) {
                        throw new SystemFailedException(
                                app.id(), "answered with the platform's own credential", response.statusCode());
                    }
                    if (response.statusCode() >= 300) {
                        throw new SystemFailedException(
                                app.id(), "answered " + response.statusCode(), response.statusCode());
                    }
                    return response.bodyAsBuffer() == null ? Buffer.buffer() : response.bodyAsBuffer();
                })
                .onTermination()
                .invoke(guard::leave);
    }

    /** Whether an answer repeats the platform's credential, which must never reach a caller's screen. */
    private static boolean reflects(HttpResponse<Buffer> response, String secret) {
        return CredentialEcho.inHeaders(response.headers().getDelegate(), secret)
                || (response.bodyAsBuffer() != null
                        && CredentialEcho.inBody(response.bodyAsBuffer().getDelegate(), secret));
    }

    /** A system that failed the gateway's own call; {@code upstreamStatus} is null when it did not answer. */
    public static class SystemFailedException extends RuntimeException {
        private final Integer upstreamStatus;

        SystemFailedException(String system, String what, Integer upstreamStatus) {
            super(system + ": " + what, null, false, false);
            this.upstreamStatus = upstreamStatus;
        }

        public Integer upstreamStatus() {
            return upstreamStatus;
        }
    }
}
