package vn.gov.camau.g.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
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
import vn.gov.camau.g.bench.KeycloakTokens;
import vn.gov.camau.g.bench.PhoneRequest;

/**
 * The first two things the proxy does with every request: split the path (every request of the
 * gateway passes the proxy's route, proxied or not) and take the bearer token out of its header.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProxyHandlerBenchmark {

    String proxiedPath = PhoneRequest.PATH;
    String otherPath = "/api/v1/catalog";
    HttpServerRequest request;

    @Setup
    public void setUp() {
        request = PhoneRequest.of(
                PhoneRequest.PATH, PhoneRequest.headers(KeycloakTokens.official(KeycloakTokens.rsa2048())));
        ProxyHandler.ProxiedPath parsed = ProxyHandler.ProxiedPath.parse(proxiedPath);
        if (parsed == null
                || !parsed.systemId().equals("mot-cua")
                || ProxyHandler.ProxiedPath.parse(otherPath) != null) {
            throw new IllegalStateException("Unexpected split: " + parsed);
        }
        if (ProxyHandler.bearerToken(request) == null) {
            throw new IllegalStateException("No bearer token");
        }
    }

    /** {@code /api/v1/apps/mot-cua/api/dossiers/HS-2026-000123}: system id and path below /api. */
    @Benchmark
    public Object parseProxiedPath() {
        return ProxyHandler.ProxiedPath.parse(proxiedPath);
    }

    /** A gateway API path: the proxy's route lets it through to the next handler. */
    @Benchmark
    public Object parseOtherPath() {
        return ProxyHandler.ProxiedPath.parse(otherPath);
    }

    /** The token from {@code Authorization: Bearer ...} (a copy of ~1.3 KB). */
    @Benchmark
    public String bearerToken() {
        return ProxyHandler.bearerToken(request);
    }
}
