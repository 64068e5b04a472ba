package vn.gov.camau.g.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import vn.gov.camau.g.gateway.catalog.AppManifest;

/**
 * The routes a manifest declares, compiled once per manifest: {@code /dossiers/{id}} matches one
 * path segment for {@code {id}}. Anything not declared is not forwarded.
 */
@ApplicationScoped
class RouteTable {

    private final ConcurrentMap<String, Compiled> compiled = new ConcurrentHashMap<>();

    Optional<AppManifest.Route> match(AppManifest app, String method, String path) {
        Compiled routes = compiled.compute(
                app.id(), (id, cached) -> cached != null && cached.manifest() == app ? cached : compile(app));
        for (int i = 0; i < routes.patterns().size(); i++) {
            AppManifest.Route route = app.routesOrEmpty().get(i);
            if (route.method().equals(method)
                    && routes.patterns().get(i).matcher(path).matches()) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    private static Compiled compile(AppManifest app) {
        List<Pattern> patterns = new ArrayList<>();
        for (AppManifest.Route route : app.routesOrEmpty()) {
            patterns.add(Pattern.compile(toRegex(route.path())));
        }
        return new Compiled(app, List.copyOf(patterns));
    }

    private static String toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            int close = template.indexOf('}', open);
            regex.append(Pattern.quote(template.substring(at, open))).append("[^/]+");
            at = close + 1;
        }
        return regex.toString();
    }

    private record Compiled(AppManifest manifest, List<Pattern> patterns) {}
}
