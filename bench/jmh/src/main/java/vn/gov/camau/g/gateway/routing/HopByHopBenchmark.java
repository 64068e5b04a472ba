package vn.gov.camau.g.gateway.routing;

import io.vertx.core.MultiMap;
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
 * The copy of a phone's request headers for the call to the system, as each attempt of a proxied
 * call makes it: hop-by-hop headers (and those named by Connection) and the gateway's own dropped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HopByHopBenchmark {

    MultiMap phone;

    @Setup
    public void setUp() {
        phone = PhoneRequest.headers(KeycloakTokens.official(KeycloakTokens.rsa2048()));
        MultiMap copied = copyPhoneHeaders();
        // User-Agent, Accept, Accept-Encoding, Accept-Language, Content-Type.
        if (copied.size() != 5 || copied.contains("Authorization") || copied.contains("Connection")) {
            throw new IllegalStateException("Unexpected copy: " + copied.names());
        }
    }

    /** 9 headers in, 5 out, into a new map as ProxyHandler makes it. */
    @Benchmark
    public MultiMap copyPhoneHeaders() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        HopByHop.copy(phone, headers, ProxyHandler.NOT_FORWARDED);
        return headers;
    }
}
