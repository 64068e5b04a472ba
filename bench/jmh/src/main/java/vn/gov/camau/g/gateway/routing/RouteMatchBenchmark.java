package vn.gov.camau.g.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.gov.camau.g.gateway.catalog.AppManifest;

/**
 * Finding the declared route of a call among a system's 10 routes, as compiled by the gateway's
 * own {@link RouteTable} (one regex per route, tried in order for routes of the call's method).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RouteMatchBenchmark {

    static final List<AppManifest.Route> ROUTES = List.of(
            route("GET", "/dossiers"),
            route("POST", "/dossiers"),
            route("GET", "/dossiers/{code}"),
            route("GET", "/dossiers/{code}/attachments"),
            route("GET", "/dossiers/{code}/attachments/{attachment}"),
            route("PUT", "/dossiers/{code}"),
            route("GET", "/procedures"),
            route("GET", "/procedures/{procedure}"),
            route("GET", "/summary"),
            route("GET", "/agencies/{agency}/dossiers/{code}"));

    String get = "GET";
    String dossier = "/dossiers/HS-2026-000123";
    String lastRoute = "/agencies/CM.STTTT/dossiers/HS-2026-000123";
    String undeclared = "/reports/2026/summary";
    RouteTable.CompiledSystem system;

    @Setup
    public void setUp() {
        RoutingConfig config = new Defaults();
        RouteTable table = new RouteTable(config, new UpstreamAuthorization(null, null, config));
        system = table.of(manifest());
        if (system.match(get, dossier) != ROUTES.get(2)
                || system.match(get, lastRoute) != ROUTES.get(9)
                || system.match(get, undeclared) != null) {
            throw new IllegalStateException("Unexpected match");
        }
    }

    /** The phone's call: the third route. */
    @Benchmark
    public Object matchDossier() {
        return system.match(get, dossier);
    }

    /** The last of the 10 routes: every GET route's pattern is tried first. */
    @Benchmark
    public Object matchLastRoute() {
        return system.match(get, lastRoute);
    }

    /** A path no route declares (answered 404): every GET route is tried. */
    @Benchmark
    public Object matchUndeclared() {
        return system.match(get, undeclared);
    }

    private static AppManifest.Route route(String method, String path) {
        return new AppManifest.Route(method, path, List.of("citizen", "official"));
    }

    static AppManifest manifest() {
        AppManifest.Texts names = new AppManifest.Texts("Một cửa điện tử", "One-Stop Administrative Procedures");
        return new AppManifest(
                "mot-cua",
                names,
                names,
                "public-services",
                "CM.TTPVHCC",
                AppManifest.Level.PROVINCIAL,
                "https://g.camau.gov.vn/icons/mot-cua.svg",
                new AppManifest.Audience(AppManifest.AudienceKind.CITIZEN, List.of("citizen", "official"), List.of()),
                AppManifest.Kind.API,
                "https://motcua.camau.gov.vn/",
                new AppManifest.Upstream(
                        "${camau.sandbox.url}/mot-cua",
                        AppManifest.AuthMode.EXCHANGE,
                        null,
                        "2s",
                        new AppManifest.Retry(2, "200ms"),
                        64,
                        new AppManifest.Quota(600, null),
                        "30s",
                        "10MB"),
                ROUTES,
                null,
                null,
                true);
    }

    /** The defaults of {@code camau.routing} (RoutingConfig's @WithDefault values). */
    private static final class Defaults implements RoutingConfig {
        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public int concurrency() {
            return 64;
        }

        @Override
        public MemorySize maxRequestBody() {
            return new MemorySize(BigInteger.valueOf(1024 * 1024));
        }

        @Override
        public int maxAttempts() {
            return 2;
        }

        @Override
        public Duration backoff() {
            return Duration.ofMillis(100);
        }

        @Override
        public double retryBudgetRatio() {
            return 0.2;
        }

        @Override
        public int breakerFailureThreshold() {
            return 5;
        }

        @Override
        public Duration breakerOpenDuration() {
            return Duration.ofSeconds(10);
        }

        @Override
        public String sandboxUrl() {
            return "http://localhost:8280";
        }
    }
}
