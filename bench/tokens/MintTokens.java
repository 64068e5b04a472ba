import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mints bearer tokens in Keycloak's format for `./camau bench`, signed with a benchmark RSA key
 * that the harness imports into the realm as an extra `rsa` key provider: Keycloak then publishes
 * it in its JWKS, and the gateway verifies these tokens exactly as it verifies Keycloak's own.
 *
 * Usage (JDK 21+, no libraries):
 *   java MintTokens.java keygen DIR
 *       writes DIR/bench-key.pem (PKCS#8) and DIR/bench-public.pem (X.509 SubjectPublicKeyInfo);
 *       prints the modulus n as the realm's JWKS will show it (base64url, no padding)
 *   java MintTokens.java kid-of JWKS_FILE PUBLIC_PEM
 *       prints the kid of the JWKS key whose n is PUBLIC_PEM's modulus; exit 1 when there is none
 *   java MintTokens.java mint TEMPLATE_TOKEN_FILE PRIVATE_PEM KID COUNT OUT_FILE
 *        [--threads T] [--lifetime SECONDS]
 *       writes COUNT tokens, one a line: the template's claims kept as they are, except a fresh
 *       random jti, iat = now, exp = now + SECONDS [300], and no nbf. T defaults to the available
 *       processors. Prints on stderr: "minted COUNT tokens in S s (R tokens/s, threads: T)".
 */
public final class MintTokens {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "keygen" -> {
                requireArgs(args, 2);
                keygen(Path.of(args[1]));
            }
            case "kid-of" -> {
                requireArgs(args, 3);
                String kid = kidOf(Files.readString(Path.of(args[1])), readPublicKey(Path.of(args[2])));
                if (kid == null) {
                    System.err.println("no key in " + args[1] + " has the modulus of " + args[2]);
                    System.exit(1);
                }
                System.out.println(kid);
            }
            case "mint" -> {
                requireArgs(args, 6);
                int threads = Runtime.getRuntime().availableProcessors();
                long lifetime = 300;
                for (int i = 6; i < args.length; i++) {
                    switch (args[i]) {
                        case "--threads" -> threads = Integer.parseInt(optionValue(args, ++i));
                        case "--lifetime" -> lifetime = Long.parseLong(optionValue(args, ++i));
                        default -> usage("unknown option " + args[i]);
                    }
                }
                mint(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]), Path.of(args[5]),
                    Math.max(1, threads), lifetime);
            }
            default -> usage(command.isEmpty() ? "no command" : "unknown command " + command);
        }
    }

    private static void requireArgs(String[] args, int count) {
        if (args.length < count) {
            usage(args[0] + " needs " + (count - 1) + " arguments");
        }
    }

    private static String optionValue(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: MintTokens keygen DIR");
        System.err.println("       MintTokens kid-of JWKS_FILE PUBLIC_PEM");
        System.err.println("       MintTokens mint TEMPLATE_TOKEN_FILE PRIVATE_PEM KID COUNT OUT_FILE"
            + " [--threads T] [--lifetime SECONDS]");
        System.exit(2);
    }

    // ---- keys ----

    private static void keygen(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bench-key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("bench-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        System.out.println(jwkModulus((RSAPublicKey) pair.getPublic()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "");
        return Base64.getMimeDecoder().decode(body);
    }

    private static PrivateKey readPrivateKey(Path file) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(file)));
    }

    private static RSAPublicKey readPublicKey(Path file) throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(file)));
    }

    /** A JWK's n: the unsigned big-endian modulus, so without the sign byte BigInteger may add. */
    private static String jwkModulus(RSAPublicKey key) {
        byte[] bytes = key.getModulus().toByteArray();
        int from = bytes[0] == 0 ? 1 : 0;
        return B64URL.encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
    }

    private static String kidOf(String jwksJson, RSAPublicKey publicKey) {
        if (!(Json.parse(jwksJson) instanceof Map<?, ?> jwks) || !(jwks.get("keys") instanceof List<?> keys)) {
            throw new IllegalArgumentException("not a JWKS: no \"keys\" array");
        }
        for (Object entry : keys) {
            // Compared as numbers, so padding or a leading zero byte in n cannot hide a match.
            if (entry instanceof Map<?, ?> key && key.get("n") instanceof String n && key.get("kid") instanceof String kid
                && new BigInteger(1, Base64.getUrlDecoder().decode(n)).equals(publicKey.getModulus())) {
                return kid;
            }
        }
        return null;
    }

    // ---- tokens ----

    private static void mint(Path templateFile, Path privatePem, String kid, int count, Path out, int threads,
        long lifetime) throws Exception {
        String[] parts = Files.readString(templateFile).trim().split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException(templateFile + " does not hold a JWT (three dot-separated parts)");
        }
        String payloadJson = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!(Json.parse(payloadJson) instanceof Map<?, ?> parsed)) {
            throw new IllegalArgumentException("the template token's payload is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) parsed;
        PrivateKey key = readPrivateKey(privatePem);

        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", kid);
        String headerPart = B64URL.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8));

        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>(template);
        claims.remove("nbf");
        claims.put("iat", new Json.NumberLiteral(Long.toString(now)));
        claims.put("exp", new Json.NumberLiteral(Long.toString(now + lifetime)));

        String[] tokens = new String[count];
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> slices = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) count * t / threads);
                int to = (int) ((long) count * (t + 1) / threads);
                slices.add(pool.submit(() -> {
                    Signature signer = Signature.getInstance("SHA256withRSA");
                    // sign() leaves the signer ready for the next token with the same key.
                    signer.initSign(key);
                    // Each slice edits its own copy: only jti changes from one token to the next.
                    Map<String, Object> own = new LinkedHashMap<>(claims);
                    for (int i = from; i < to; i++) {
                        own.put("jti", UUID.randomUUID().toString());
                        String signingInput = headerPart + "."
                            + B64URL.encodeToString(Json.write(own).getBytes(StandardCharsets.UTF_8));
                        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                        tokens[i] = signingInput + "." + B64URL.encodeToString(signer.sign());
                    }
                    return null;
                }));
            }
            for (Future<?> slice : slices) {
                slice.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            for (String token : tokens) {
                writer.write(token);
                writer.write('\n');
            }
        }
        System.err.printf(Locale.ROOT, "minted %d tokens in %.2f s (%.0f tokens/s, threads: %d)%n", count, seconds,
            count / seconds, threads);
    }

    /**
     * Just enough JSON to edit a token's claims without disturbing the others: objects keep their key
     * order, numbers keep their exact text, strings are written back as UTF-8 (Vietnamese names stay
     * readable; only what JSON requires is escaped).
     */
    static final class Json {

        record NumberLiteral(String text) {
        }

        private final String text;
        private int pos;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json parser = new Json(text);
            Object value = parser.value();
            parser.skipWhitespace();
            if (parser.pos != text.length()) {
                throw parser.error("trailing characters");
            }
            return value;
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            switch (value) {
                case null -> out.append("null");
                case String s -> writeString(s, out);
                case NumberLiteral n -> out.append(n.text());
                case Boolean b -> out.append(b);
                case Map<?, ?> map -> {
                    out.append('{');
                    boolean first = true;
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (!first) {
                            out.append(',');
                        }
                        first = false;
                        writeString((String) entry.getKey(), out);
                        out.append(':');
                        write(entry.getValue(), out);
                    }
                    out.append('}');
                }
                case List<?> list -> {
                    out.append('[');
                    for (int i = 0; i < list.size(); i++) {
                        if (i > 0) {
                            out.append(',');
                        }
                        write(list.get(i), out);
                    }
                    out.append(']');
                }
                default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
            }
        }

        private static void writeString(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private Object value() {
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = string();
                skipWhitespace();
                expect(':');
                map.put(key, value());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder s = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private NumberLiteral number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            return new NumberLiteral(text.substring(start, pos));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return value;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void skipWhitespace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("JSON: " + problem + " at offset " + pos);
        }
    }
}
