import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out benchmark's upstream: {@code GET /slow/{ms}} answers a small JSON document after
 * {@code ms} milliseconds, so /api/v1/home over N such sections shows what the gateway adds to the
 * slowest one. Delays are timers, not sleeping threads: N parallel sections really run in parallel.
 *
 * <p>Usage: java SlowUpstream.java PORT
 */
public final class SlowUpstream {

    private static final int MAX_DELAY_MS = 10_000;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SlowUpstream PORT");
            System.exit(2);
        }
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        // Without it the JDK server waits on Nagle and delayed ACKs: ~40 ms added to some answers.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/slow/", exchange -> {
            String tail = exchange.getRequestURI().getPath().substring("/slow/".length());
            long delay;
            try {
                delay = Long.parseLong(tail);
            } catch (NumberFormatException notANumber) {
                delay = -1;
            }
            if (delay < 0 || delay > MAX_DELAY_MS) {
                answer(exchange, 400, "{\"error\":\"GET /slow/{ms}, 0 <= ms <= " + MAX_DELAY_MS + "\"}");
                return;
            }
            String body = "{\"sleptMs\":" + delay + ",\"sample\":true}";
            timers.schedule(() -> answer(exchange, 200, body), delay, TimeUnit.MILLISECONDS);
        });
        server.start();
        System.out.println("SlowUpstream listening on 127.0.0.1:" + args[0]);
    }

    private static void answer(HttpExchange exchange, int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException callerGone) {
            // The gateway gave up on this section (its budget passed): nothing to answer to.
        }
    }
}
