package vn.gov.camau.g.gateway.preferences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import vn.gov.camau.g.gateway.idempotency.IdempotencyKeys;
import vn.gov.camau.g.gateway.problem.FieldViolation;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/**
 * Reads and replaces a person's preferences. A replacement names the version it was made from
 * (the ETag its phone last saw), so two phones never silently overwrite each other.
 */
@ApplicationScoped
public class PreferencesService {

    static final String OPERATION = "preferences.replace";
    private static final Duration RACE_WAIT = Duration.ofSeconds(1);

    private static final Localized DUPLICATE_FAVOURITE =
            new Localized("Ứng dụng này đã có trong danh sách yêu thích.", "This app is already in the favourites.");
    private static final String UNIQUE_VIOLATION = "23505";

    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;

    PreferencesService(IdempotencyKeys idempotency, ObjectMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    @WithSession
    public Uni<Versioned> read(String subject) {
        return UserPreferences.<UserPreferences>findById(subject)
                .map(stored -> stored == null ? Versioned.defaults() : Versioned.of(stored));
    }

    /**
     * Replaces the preferences when {@code expected} matches what is stored.
     *
     * @param expected the versions the caller's If-Match names ({@link ETags#parseIfMatch}); empty for {@code *}
     */
    @WithTransaction
    public Uni<Replaced> replace(
            String subject, Optional<Set<Long>> expected, PreferencesDocument update, Optional<String> idempotencyKey) {
        refuseDuplicateFavourites(update.favouriteAppIds());
        // updatedAt is read-only: a retry that echoes another value is still the same request.
        PreferencesDocument request =
                new PreferencesDocument(update.language(), update.favouriteAppIds(), update.notifications(), null);
        Uni<Optional<IdempotencyKeys.StoredOutcome>> previous = idempotencyKey.isPresent()
                ? idempotency.previous(subject, idempotencyKey.get(), OPERATION, request)
                : Uni.createFrom().item(Optional.empty());
        return previous.flatMap(outcome -> outcome.isPresent()
                ? Uni.createFrom().item(Replaced.replayed(outcome.get()))
                : write(subject, expected, request, idempotencyKey));
    }

    /**
     * The first outcome under a key, once the write that lost a race to it can look: two phones
     * retrying one write at the same moment both get the first answer, never a 412. Waits at
     * most {@link #RACE_WAIT} for the winner to commit, on timers, never a thread.
     */
    @WithSession
    public Uni<Optional<Replaced>> replayOfRace(String subject, String idempotencyKey, PreferencesDocument update) {
        PreferencesDocument request =
                new PreferencesDocument(update.language(), update.favouriteAppIds(), update.notifications(), null);
        return idempotency
                .previous(subject, idempotencyKey, OPERATION, request)
                .flatMap(found -> found.isPresent()
                        ? Uni.createFrom().item(found)
                        : Uni.createFrom()
                                .<Optional<IdempotencyKeys.StoredOutcome>>failure(new IllegalStateException("not yet")))
                .onFailure(IllegalStateException.class)
                .retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(100))
                .expireIn(RACE_WAIT.toMillis())
                .onFailure(IllegalStateException.class)
                .recoverWithItem(Optional.empty())
                .map(found -> found.map(Replaced::replayed));
    }

    private Uni<Replaced> write(
            String subject, Optional<Set<Long>> expected, PreferencesDocument update, Optional<String> idempotencyKey) {
        return UserPreferences.<UserPreferences>findById(subject)
                .flatMap(stored -> {
                    long current = stored == null ? 0 : stored.version + 1;
                    if (expected.isPresent() && !expected.get().contains(current)) {
                        return Uni.createFrom().failure(new ProblemException(ProblemType.PRECONDITION_FAILED));
                    }
                    UserPreferences target = stored != null ? stored : newFor(subject);
                    apply(update, target);
                    Uni<UserPreferences> saved = stored != null
                            ? Panache.flush().replaceWith(target)
                            : target.<UserPreferences>persistAndFlush();
                    return saved;
                })
                .onFailure(PreferencesService::isConcurrentWrite)
                .transform(lost -> new ProblemException(ProblemType.PRECONDITION_FAILED))
                .map(Versioned::of)
                .flatMap(result -> remember(subject, idempotencyKey, update, result));
    }

    private Uni<Replaced> remember(
            String subject, Optional<String> idempotencyKey, PreferencesDocument update, Versioned result) {
        if (idempotencyKey.isEmpty()) {
            return Uni.createFrom().item(Replaced.fresh(result));
        }
        IdempotencyKeys.StoredOutcome outcome = new IdempotencyKeys.StoredOutcome(200, result.etag(), toJson(result));
        return idempotency
                .remember(subject, idempotencyKey.get(), OPERATION, update, outcome)
                .replaceWith(Replaced.fresh(result));
    }

    private static UserPreferences newFor(String subject) {
        UserPreferences created = new UserPreferences();
        created.subject = subject;
        return created;
    }

    private static void apply(PreferencesDocument update, UserPreferences target) {
        target.language = update.language();
        target.favouriteAppIds = update.favouriteAppIds().toArray(String[]::new);
        NotificationOptIns notifications = update.notifications();
        target.notifyDossierUpdates = notifications.dossierUpdates();
        target.notifyDocumentInbox = notifications.documentInbox();
        target.notifyMeetingReminders = notifications.meetingReminders();
        target.notifySalinityAlerts = notifications.salinityAlerts();
        target.notifyWaterLevelAlerts = notifications.waterLevelAlerts();
        target.notifyLocalNews = notifications.localNews();
        // PostgreSQL keeps microseconds: truncate so the answer equals what a later GET reads.
        target.updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static void refuseDuplicateFavourites(List<String> favourites) {
        Set<String> seen = new HashSet<>();
        List<FieldViolation> duplicates = new ArrayList<>();
        for (int i = 0; i < favourites.size(); i++) {
            if (!seen.add(favourites.get(i))) {
                duplicates.add(new FieldViolation("favouriteAppIds[" + i + "]", DUPLICATE_FAVOURITE));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED, ProblemType.VALIDATION_FAILED.defaultDetail(), duplicates);
        }
    }

    /** Another phone wrote first: its update won the version check, or its first insert won the key. */
    private static boolean isConcurrentWrite(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return true;
            }
            if (cause instanceof ConstraintViolationException unique && UNIQUE_VIOLATION.equals(unique.getSQLState())) {
                return true;
            }
            if (cause instanceof PgException unique && UNIQUE_VIOLATION.equals(unique.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private String toJson(Versioned result) {
        try {
            return json.writeValueAsString(result.document());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Preferences failed to serialize", impossible);
        }
    }

    /**
     * A document and the version it was read at: 0 while nothing is stored (the defaults), then
     * one more than the row's lock version, which Hibernate starts at 0.
     */
    public record Versioned(PreferencesDocument document, long version) {

        static Versioned defaults() {
            return new Versioned(PreferencesDocument.DEFAULTS, 0);
        }

        static Versioned of(UserPreferences stored) {
            return new Versioned(
                    new PreferencesDocument(
                            stored.language,
                            Arrays.asList(stored.favouriteAppIds),
                            new NotificationOptIns(
                                    stored.notifyDossierUpdates,
                                    stored.notifyDocumentInbox,
                                    stored.notifyMeetingReminders,
                                    stored.notifySalinityAlerts,
                                    stored.notifyWaterLevelAlerts,
                                    stored.notifyLocalNews),
                            stored.updatedAt),
                    stored.version + 1);
        }

        public String etag() {
            return ETags.of(version);
        }
    }

    /** The outcome of a replacement: fresh, or replayed from an earlier request with the same key. */
    public record Replaced(String etag, Object body, boolean replayed) {

        static Replaced fresh(Versioned result) {
            return new Replaced(result.etag(), result.document(), false);
        }

        static Replaced replayed(IdempotencyKeys.StoredOutcome outcome) {
            return new Replaced(outcome.etag(), outcome.body(), true);
        }
    }
}
