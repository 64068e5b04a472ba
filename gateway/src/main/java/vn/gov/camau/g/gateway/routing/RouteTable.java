package vn.gov.camau.g.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import vn.gov.camau.g.gateway.catalog.AppManifest;
import vn.gov.camau.g.gateway.http.PathTemplate;

/**
 * What the proxy needs of a manifest, worked out once per manifest (and again when an admin
 * changes it) rather than on every call: the declared routes as patterns ({@code /dossiers/{id}}
 * matches one path segment for {@code {id}}), the limits, and where the system listens.
 */
@ApplicationScoped
class RouteTable {

    private final RoutingConfig config;
    private final UpstreamAuthorization authorizations;
    private final ConcurrentMap<String, CompiledSystem> compiled = new ConcurrentHashMap<>();

    RouteTable(RoutingConfig config, UpstreamAuthorization authorizations) {
        this.config = config;
        this.authorizations = authorizations;
    }

    CompiledSystem of(AppManifest app) {
        CompiledSystem known = compiled.get(app.id());
        if (known != null && known.manifest() == app) {
            return known;
        }
        CompiledSystem fresh = compile(app);
        compiled.put(app.id(), fresh);
        return fresh;
    }

    private CompiledSystem compile(AppManifest app) {
        List<Pattern> patterns = new ArrayList<>();
        for (AppManifest.Route route : app.routesOrEmpty()) {
            patterns.add(PathTemplate.compile(route.path()));
        }
        URI base = URI.create(authorizations.resolveBaseUrl(app.upstream().baseUrl()));
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return new CompiledSystem(
                app,
                "/api/v1/apps/" + app.id() + "/api/**",
                List.copyOf(patterns),
                UpstreamPolicy.of(app.upstream(), config),
                new Target(
                        base.getScheme(),
                        base.getHost(),
                        base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80,
                        ssl,
                        basePath));
    }

    /** Where a system listens, from its manifest's base URL. */
    record Target(String scheme, String host, int port, boolean ssl, String basePath) {}

    /** @param metricsPath the label of the system's calls in the HTTP metrics: one series per system */
    record CompiledSystem(
            AppManifest manifest, String metricsPath, List<Pattern> patterns, UpstreamPolicy policy, Target target) {

        /** The declared route a call matches, or null: anything not declared is not forwarded. */
        AppManifest.Route match(String method, String path) {
            for (int i = 0; i < patterns.size(); i++) {
                AppManifest.Route route = manifest.routesOrEmpty().get(i);
                if (route.method().equals(method)
                        && patterns.get(i).matcher(path).matches()) {
                    return route;
                }
            }
            return null;
        }
    }
}
