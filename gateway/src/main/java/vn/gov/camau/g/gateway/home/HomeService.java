package vn.gov.camau.g.gateway.home;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import vn.gov.camau.g.gateway.catalog.AppManifest;
import vn.gov.camau.g.gateway.catalog.Catalog;
import vn.gov.camau.g.gateway.catalog.CatalogSnapshot;
import vn.gov.camau.g.gateway.catalog.Viewer;
import vn.gov.camau.g.gateway.modules.ModuleRegistry;
import vn.gov.camau.g.gateway.problem.Language;
import vn.gov.camau.g.gateway.routing.CallerQuery;
import vn.gov.camau.g.gateway.routing.Durations;
import vn.gov.camau.g.gateway.routing.SystemCalls;
import vn.gov.camau.g.modules.spi.ModuleCaller;

/**
 * The home screen: every section the caller may see, fetched from its system in parallel under
 * one time budget. A section whose system is slow or failing is marked stale (with its last good
 * value) or unavailable; it never holds up the others, so the answer takes as long as the slowest
 * section within the budget, not the sum.
 */
@ApplicationScoped
public class HomeService {

    static final String OK = "ok";
    static final String STALE = "stale";
    static final String UNAVAILABLE = "unavailable";

    private final Catalog catalog;
    private final SystemCalls systems;
    private final HomeConfig config;
    private final ObjectMapper json;
    private final ModuleRegistry modules;
    private final Map<String, Remembered> lastGood = new ConcurrentHashMap<>();

    HomeService(Catalog catalog, SystemCalls systems, HomeConfig config, ObjectMapper json, ModuleRegistry modules) {
        this.catalog = catalog;
        this.systems = systems;
        this.config = config;
        this.json = json;
        this.modules = modules;
    }

    public Uni<List<HomeSection>> sections(Viewer viewer, String callerToken, Language language) {
        List<AppManifest> visible = catalog.current().all().stream()
                .filter(CatalogSnapshot.Entry::enabled)
                .map(CatalogSnapshot.Entry::manifest)
                .filter(viewer::mayOpen)
                .sorted(Comparator.comparing(AppManifest::id))
                .toList();
        List<Uni<HomeSection>> fetches = new ArrayList<>();
        for (AppManifest app : visible) {
            if (app.home() != null
                    && app.upstream() != null
                    && viewer.holdsOneOf(app.home().roles())) {
                // A section that needs what the caller lacks (an agency) is not theirs to see.
                CallerQuery.path(app.home().path(), app.home().callerQueryOrEmpty(), viewer)
                        .ifPresent(path -> fetches.add(declaredSection(app, path, viewer, callerToken, language)));
            }
            modules.home(app.id())
                    .filter(coded -> viewer.holdsOneOf(List.copyOf(coded.roles())))
                    .ifPresent(coded -> fetches.add(codedSection(app, coded, viewer, callerToken, language)));
        }
        if (fetches.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.combine()
                .all()
                .unis(fetches)
                .with(results -> results.stream().map(HomeSection.class::cast).toList());
    }

    public Duration budget() {
        return config.budget();
    }

    private Uni<HomeSection> declaredSection(
            AppManifest app, String path, Viewer viewer, String callerToken, Language language) {
        String title = language == Language.EN
                ? app.home().titles().en()
                : app.home().titles().vi();
        Uni<String> answer =
                systems.get(app, path, callerToken, config.budget()).map(body -> body.toString());
        return withinBudget(app, viewer, title, answer);
    }

    private Uni<HomeSection> codedSection(
            AppManifest app,
            vn.gov.camau.g.modules.spi.HomeSection coded,
            Viewer viewer,
            String callerToken,
            Language language) {
        String title = language == Language.EN ? coded.titleEn() : coded.titleVi();
        ModuleCaller caller = new ModuleCaller(viewer.subject(), viewer.roles(), viewer.agency(), callerToken);
        return withinBudget(app, viewer, title, Uni.createFrom().deferred(() -> coded.load(caller)));
    }

    /** A section from whatever answered, on time and as JSON, or else its fallback. */
    private Uni<HomeSection> withinBudget(AppManifest app, Viewer viewer, String title, Uni<String> answer) {
        String key = app.id() + "|" + (viewer.signedIn() ? viewer.subject() : "anonymous");
        return answer.map(this::asJson)
                .ifNoItem()
                .after(config.budget())
                .failWith(() -> new TimeoutException("over the home budget"))
                .map(data -> {
                    Instant now = Instant.now();
                    remember(key, new Remembered(data, now, now.plus(staleFor(app))));
                    return new HomeSection(app.id(), app.id(), title, OK, null, data, now);
                })
                .onFailure()
                .recoverWithItem(failure -> fallback(app, key, title, failure));
    }

    private HomeSection fallback(AppManifest app, String key, String title, Throwable failure) {
        Integer upstreamStatus =
                failure instanceof SystemCalls.SystemFailedException failed ? failed.upstreamStatus() : null;
        Remembered remembered = lastGood.get(key);
        if (remembered != null && remembered.usableUntil().isAfter(Instant.now())) {
            return new HomeSection(
                    app.id(), app.id(), title, STALE, upstreamStatus, remembered.data(), remembered.fetchedAt());
        }
        return new HomeSection(app.id(), app.id(), title, UNAVAILABLE, upstreamStatus, null, null);
    }

    /** The system's answer, checked to be JSON: a malformed answer is a failure, not data. */
    private String asJson(String body) {
        try {
            return json.writeValueAsString(json.readTree(body));
        } catch (IOException malformed) {
            throw new MalformedAnswerException();
        }
    }

    private Duration staleFor(AppManifest app) {
        String ttl = app.upstream() == null ? null : app.upstream().cacheTtl();
        return ttl == null ? config.staleFor() : Durations.parse(ttl);
    }

    private void remember(String key, Remembered value) {
        if (lastGood.size() >= config.maxRemembered()) {
            Instant now = Instant.now();
            lastGood.values().removeIf(entry -> entry.usableUntil().isBefore(now));
            if (lastGood.size() >= config.maxRemembered()) {
                lastGood.clear();
            }
        }
        lastGood.put(key, value);
    }

    private record Remembered(String data, Instant fetchedAt, Instant usableUntil) {}

    /** A system answered 2xx with something that is not JSON. */
    private static final class MalformedAnswerException extends RuntimeException {
        MalformedAnswerException() {
            super("not JSON", null, false, false);
        }
    }
}
