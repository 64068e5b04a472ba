import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * An open-loop HTTP/1.1 load generator for `./camau bench`: sends GETs at a fixed rate over a
 * pool of keep-alive connections on one thread (non-blocking NIO), and records each latency from
 * the request's INTENDED send time (t0 + i / rate), so a stalled server is charged for the
 * requests it delayed (no coordinated omission). A request whose time has come while every
 * connection is busy waits in a queue; its wait counts.
 *
 * Usage: java -cp HdrHistogram.jar OpenLoop.java URL RATE SECONDS [--warmup S] [--connections N]
 *        [--tokens FILE]   (FILE: one bearer token a line, rotated per request)
 *        [--once]          (each token is sent once: first-sight verification; the file must
 *                           hold at least one token per request, warm-up included)
 * Prints one line: key=value pairs (rate, sent, ok, errors, timeouts, p50_us, p90_us, p99_us,
 * p999_us, max_us), latencies of the measured part only (the warm-up is sent, not recorded).
 */
public final class OpenLoop {

    static final class Conn {
        final SocketChannel ch;
        SelectionKey key;
        ByteBuffer out;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        long intendedNanos;
        boolean busy;
        boolean record;
        // response parsing state
        int state; // 0 headers, 1 body by length, 2 chunk size line, 3 chunk data, 4 chunk trailer
        long remaining;
        int status;
        final StringBuilder line = new StringBuilder();
        boolean chunked;
        long contentLength;

        Conn(SocketChannel ch) {
            this.ch = ch;
        }
    }

    static String host;
    static int port;
    static byte[][] requests;
    static int nextRequest;
    static long ok, errors, sent;
    static Histogram hist = new Histogram(60_000_000_000L, 3);

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: OpenLoop URL RATE SECONDS [--warmup S] [--connections N] [--tokens FILE] [--once]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        double warmup = 0;
        int connections = 64;
        String tokensFile = null;
        boolean once = false;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--tokens" -> tokensFile = args[++i];
                case "--once" -> once = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        host = uri.getHost();
        port = uri.getPort() > 0 ? uri.getPort() : 80;
        String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        List<String> tokens = new ArrayList<>();
        if (tokensFile != null) {
            for (String t : Files.readAllLines(Path.of(tokensFile))) {
                if (!t.isBlank()) tokens.add(t.trim());
            }
        }
        int n = Math.max(1, tokens.size());
        requests = new byte[n][];
        for (int i = 0; i < n; i++) {
            String auth = tokens.isEmpty() ? "" : "Authorization: Bearer " + tokens.get(i) + "\r\n";
            requests[i] = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + auth
                    + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        Selector selector = Selector.open();
        ArrayDeque<Conn> idle = new ArrayDeque<>();
        List<Conn> all = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Conn c = open(selector);
            idle.add(c);
            all.add(c);
        }

        long intervalNanos = (long) (1e9 / rate);
        long warmupCount = (long) (warmup * rate);
        long total = warmupCount + (long) (seconds * rate);
        if (once && tokens.size() < total) {
            System.err.println("--once needs " + total + " tokens, the file has " + tokens.size());
            System.exit(2);
        }
        long t0 = System.nanoTime() + 20_000_000L;
        long deadline = t0 + (long) ((warmup + seconds) * 1e9) + 2_000_000_000L; // 2 s to drain
        long timeouts = 0;
        long issued = 0;
        ArrayDeque<long[]> waiting = new ArrayDeque<>(); // {intendedNanos, index}

        while (true) {
            long now = System.nanoTime();
            while (issued < total && t0 + issued * intervalNanos <= now) {
                waiting.add(new long[] {t0 + issued * intervalNanos, issued});
                issued++;
            }
            while (!waiting.isEmpty() && !idle.isEmpty()) {
                long[] w = waiting.poll();
                Conn c = idle.poll();
                try {
                    send(c, w[0], w[1] >= warmupCount);
                } catch (IOException e) {
                    // the server closed this idle connection: the request counts as failed
                    if (w[1] >= warmupCount) errors++;
                    c.key.cancel();
                    try { c.ch.close(); } catch (IOException ignored) { }
                    all.remove(c);
                    Conn fresh = open(selector);
                    all.add(fresh);
                    idle.add(fresh);
                }
            }
            boolean inFlight = !waiting.isEmpty() || idle.size() < all.size();
            if (issued >= total && !inFlight) break;
            if (now > deadline) {
                timeouts = waiting.size() + (all.size() - idle.size());
                break;
            }
            long waitNanos = issued < total ? t0 + issued * intervalNanos - System.nanoTime() : 1_000_000L;
            if (waitNanos > 50_000L) {
                selector.select(Math.max(1L, waitNanos / 1_000_000L));
            } else {
                selector.selectNow();
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Conn c = (Conn) key.attachment();
                try {
                    if (key.isValid() && key.isWritable()) {
                        c.ch.write(c.out);
                        if (!c.out.hasRemaining()) key.interestOps(SelectionKey.OP_READ);
                    }
                    if (key.isValid() && key.isReadable()) {
                        int r = c.ch.read(c.in);
                        if (r < 0) throw new IOException("closed by server");
                        c.in.flip();
                        boolean done = parse(c);
                        c.in.compact();
                        if (done) {
                            long end = System.nanoTime();
                            if (c.record) {
                                hist.recordValue(Math.max(1, (end - c.intendedNanos) / 1000));
                                if (c.status >= 200 && c.status < 300) ok++; else errors++;
                            }
                            c.busy = false;
                            idle.add(c);
                        }
                    }
                } catch (IOException e) {
                    // the connection died: count the request as an error and reconnect
                    if (c.busy && c.record) errors++;
                    key.cancel();
                    try { c.ch.close(); } catch (IOException ignored) { }
                    all.remove(c);
                    Conn fresh = open(selector);
                    all.add(fresh);
                    idle.add(fresh);
                }
            }
            selector.selectedKeys().clear();
        }
        for (Conn c : all) {
            try { c.ch.close(); } catch (IOException ignored) { }
        }
        System.out.printf("rate=%.0f sent=%d ok=%d errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d%n",
                rate, sent - warmupCount, ok, errors, timeouts,
                hist.getValueAtPercentile(50), hist.getValueAtPercentile(90),
                hist.getValueAtPercentile(99), hist.getValueAtPercentile(99.9), hist.getMaxValue());
    }

    static Conn open(Selector selector) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.connect(new InetSocketAddress(host, port));
        ch.configureBlocking(false);
        Conn c = new Conn(ch);
        c.key = ch.register(selector, 0, c);
        return c;
    }

    static void send(Conn c, long intendedNanos, boolean record) throws IOException {
        c.busy = true;
        c.record = record;
        c.intendedNanos = intendedNanos;
        c.state = 0;
        c.status = 0;
        c.chunked = false;
        c.contentLength = -1;
        c.line.setLength(0);
        c.out = ByteBuffer.wrap(requests[nextRequest]);
        nextRequest = (nextRequest + 1) % requests.length;
        sent++;
        c.ch.write(c.out);
        c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
    }

    /** Consumes what is in c.in; true when a whole response has been read. */
    static boolean parse(Conn c) {
        ByteBuffer b = c.in;
        while (b.hasRemaining()) {
            switch (c.state) {
                case 0, 2, 4 -> {
                    byte x = b.get();
                    if (x == '\n') {
                        String l = c.line.toString();
                        c.line.setLength(0);
                        if (c.state == 0) {
                            if (c.status == 0) {
                                c.status = Integer.parseInt(l.substring(9, 12));
                            } else if (l.isEmpty()) {
                                if (c.chunked) {
                                    c.state = 2;
                                } else if (c.contentLength > 0) {
                                    c.state = 1;
                                    c.remaining = c.contentLength;
                                } else {
                                    return true;
                                }
                            } else {
                                int colon = l.indexOf(':');
                                if (colon > 0) {
                                    String name = l.substring(0, colon).trim().toLowerCase();
                                    String value = l.substring(colon + 1).trim();
                                    if (name.equals("content-length")) c.contentLength = Long.parseLong(value);
                                    else if (name.equals("transfer-encoding") && value.toLowerCase().contains("chunked")) c.chunked = true;
                                }
                            }
                        } else if (c.state == 2) {
                            int semi = l.indexOf(';');
                            long size = Long.parseLong((semi >= 0 ? l.substring(0, semi) : l).trim(), 16);
                            if (size == 0) {
                                c.state = 4;
                            } else {
                                c.state = 3;
                                c.remaining = size + 2; // data and its CRLF
                            }
                        } else { // trailer: ends at the empty line
                            if (l.isEmpty()) return true;
                        }
                    } else if (x != '\r') {
                        c.line.append((char) x);
                    }
                }
                case 1, 3 -> {
                    int take = (int) Math.min(c.remaining, b.remaining());
                    b.position(b.position() + take);
                    c.remaining -= take;
                    if (c.remaining == 0) {
                        if (c.state == 1) return true;
                        c.state = 2;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        return false;
    }
}
