package vn.gov.camau.g.gateway.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.vertx.core.http.HttpServerRequest;
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
import vn.gov.camau.g.bench.KeycloakTokens;
import vn.gov.camau.g.bench.PhoneRequest;
import vn.gov.camau.g.gateway.json.StrictJson;

/**
 * The body of a refusal the proxy answers itself (problem+json), rendered by the gateway's own
 * {@code ProblemWriter.render}: the Problem record in the caller's language, then Jackson.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProblemRenderBenchmark {

    /** As ProxyHandler's UNDECLARED_ROUTE. */
    static final Localized UNDECLARED_ROUTE = new Localized(
            "Hệ thống này không cung cấp tuyến này qua Cà Mau G.",
            "This system does not offer this route through Cà Mau G.");

    ProblemWriter writer;
    HttpServerRequest request;
    ProblemWriter.SystemFailure failure = new ProblemWriter.SystemFailure("mot-cua", 503);

    @Setup
    public void setUp() {
        writer = new ProblemWriter(quarkusLikeMapper());
        request = PhoneRequest.of(
                PhoneRequest.PATH, PhoneRequest.headers(KeycloakTokens.official(KeycloakTokens.rsa2048())));
        String body = systemFailure();
        if (!body.contains("\"system\":\"mot-cua\"") || !body.contains(PhoneRequest.REQUEST_ID)) {
            throw new IllegalStateException("Unexpected body: " + body);
        }
    }

    /** 404 for an undeclared route: type, title, status, detail, instance, requestId. */
    @Benchmark
    public String undeclaredRoute() {
        return writer.render(request, Language.VI, ProblemType.NOT_FOUND, UNDECLARED_ROUTE, List.of(), null);
    }

    /** 503 after the system answered 503: also names the system and the status it answered. */
    @Benchmark
    public String systemFailure() {
        return writer.render(
                request,
                Language.VI,
                ProblemType.UPSTREAM_UNAVAILABLE,
                ProblemType.UPSTREAM_UNAVAILABLE.defaultDetail(),
                List.of(),
                failure);
    }

    /**
     * Quarkus's default ObjectMapper (its Jackson modules, dates as text) with the gateway's
     * configuration: unknown properties refused and {@link StrictJson}.
     */
    static ObjectMapper quarkusLikeMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModules(new Jdk8Module(), new JavaTimeModule(), new ParameterNamesModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }
}
