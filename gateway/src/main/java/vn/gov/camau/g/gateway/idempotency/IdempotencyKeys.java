package vn.gov.camau.g.gateway.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.gov.camau.g.gateway.problem.FieldViolation;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/**
 * Writes retried from flaky phone networks: the first successful outcome under a key is stored in
 * the same transaction as the write, and a retry with the same key and request gets it back
 * instead of writing again. Must be called inside the write's transaction.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a response that is a replay of an earlier outcome. */
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final ObjectMapper json;
    private final IdempotencyConfig config;

    public IdempotencyKeys(ObjectMapper json, IdempotencyConfig config) {
        this.json = json;
        this.config = config;
    }

    /** The outcome a key already has, if any; a key reused for another request is refused. */
    public Uni<Optional<StoredOutcome>> previous(String subject, String key, String operation, Object request) {
        String hash = hash(operation, request);
        return IdempotencyRecord.<IdempotencyRecord>findById(new IdempotencyRecord.Key(subject, key))
                .flatMap(found -> {
                    if (found != null
                            && found.createdAt.isBefore(OffsetDateTime.now().minus(config.retention()))) {
                        // Past its retention the key is forgotten, as if the purge had run already.
                        return found.delete().replaceWith((IdempotencyRecord) null);
                    }
                    return Uni.createFrom().item(found);
                })
                .map(found -> {
                    if (found == null) {
                        return Optional.<StoredOutcome>empty();
                    }
                    if (!found.operation.equals(operation) || !found.requestHash.equals(hash)) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED);
                    }
                    return Optional.of(new StoredOutcome(found.responseStatus, found.responseEtag, found.responseBody));
                });
    }

    /** Keeps the outcome of a write for its retries. */
    public Uni<Void> remember(String subject, String key, String operation, Object request, StoredOutcome outcome) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = new IdempotencyRecord.Key(subject, key);
        record.operation = operation;
        record.requestHash = hash(operation, request);
        record.responseStatus = (short) outcome.status();
        record.responseEtag = outcome.etag();
        record.responseBody = outcome.body();
        record.createdAt = OffsetDateTime.now();
        return record.persist().replaceWithVoid();
    }

    /**
     * A key as the caller sent it, or a 400 naming the header when it cannot be one: empty, sent
     * twice, or off the pattern.
     *
     * @param headers every value of the header, or null when it was not sent
     */
    public static Optional<String> parse(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return Optional.empty();
        }
        String header = headers.size() == 1 ? headers.get(0) : null;
        if (header == null || !VALID_KEY.matcher(header).matches()) {
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED,
                    ProblemType.VALIDATION_FAILED.defaultDetail(),
                    List.of(new FieldViolation(
                            HEADER,
                            new Localized(
                                    "Idempotency-Key phải dài 8–128 ký tự chữ, số hoặc . _ : -",
                                    "Idempotency-Key must be 8 to 128 letters, digits or . _ : -"))));
        }
        return Optional.of(header);
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(operation.getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot hash a request", impossible);
        }
    }

    /** What the first request under a key was answered. */
    public record StoredOutcome(int status, String etag, String body) {}
}
