package vn.gov.camau.g.gateway.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import vn.gov.camau.g.gateway.modules.ModuleRegistry;
import vn.gov.camau.g.gateway.problem.FieldViolation;
import vn.gov.camau.g.gateway.problem.Language;
import vn.gov.camau.g.gateway.problem.ProblemException;

/**
 * At start-up, reads every manifest in the manifest directory into the catalog; a manifest that is
 * invalid, or an id used twice, stops start-up with a message naming the file and the field.
 * Then keeps this instance's snapshot in step with changes other instances make.
 */
@ApplicationScoped
class ManifestDirectory {

    private static final Logger LOG = Logger.getLogger(ManifestDirectory.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final CatalogConfig config;
    private final ManifestReader reader;
    private final CatalogStore store;
    private final Catalog catalog;
    private final ExchangeAudiences audiences;
    private final ModuleRegistry modules;

    ManifestDirectory(
            CatalogConfig config,
            ManifestReader reader,
            CatalogStore store,
            Catalog catalog,
            ExchangeAudiences audiences,
            ModuleRegistry modules) {
        this.config = config;
        this.reader = reader;
        this.store = store;
        this.catalog = catalog;
        this.audiences = audiences;
        this.modules = modules;
    }

    void load(@Observes StartupEvent started, Vertx vertx) throws Throwable {
        List<AppManifest> manifests = new ArrayList<>(readDirectory(Path.of(config.manifestDir())));
        config.testRoutesFile().ifPresent(file -> addTestRoutes(manifests, Path.of(file)));
        for (AppManifest coded : modules.manifests()) {
            if (manifests.stream().anyMatch(declared -> declared.id().equals(coded.id()))) {
                throw new IllegalStateException("The system id '" + coded.id()
                        + "' is both a coded module and a manifest in " + config.manifestDir());
            }
            manifests.add(coded);
        }
        int changed = VertxContextSupport.subscribeAndAwait(() -> store.loadFromFiles(manifests));
        CatalogSnapshot snapshot = VertxContextSupport.subscribeAndAwait(catalog::refresh);
        // Not awaited: Keycloak may start after the gateway, and a missing audience says so at use.
        audiences
                .ensureAll(snapshot.all().stream()
                        .filter(CatalogSnapshot.Entry::enabled)
                        .map(CatalogSnapshot.Entry::manifest)
                        .toList())
                .subscribe()
                .with(done -> LOG.debug("Keycloak audiences of exchange systems are provisioned"));
        LOG.infof(
                "Catalog version %d: %d systems (%d read from %s, %d added or changed)",
                snapshot.version(), snapshot.apps().size(), manifests.size(), config.manifestDir(), changed);
        vertx.setPeriodic(config.refreshInterval().toMillis(), tick -> refreshOnOwnContext(vertx));
    }

    /**
     * Hibernate Reactive needs a safe, duplicated Vert.x context of its own; a timer runs on the
     * event loop's root context, so each check gets a fresh one.
     */
    private void refreshOnOwnContext(Vertx vertx) {
        Context check =
                VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(check, true);
        check.runOnContext(ignored -> catalog.refreshIfStale()
                .subscribe()
                .with(refreshed -> {}, failure -> LOG.warnf("Catalog refresh failed: %s", failure.getMessage())));
    }

    /** The test-only routes, added to the systems the file names; refused outside tests. */
    private void addTestRoutes(List<AppManifest> manifests, Path file) {
        if (LaunchMode.current() != LaunchMode.TEST) {
            throw new IllegalStateException("camau.catalog.test-routes-file (" + file
                    + ") is for the gateway's tests only; it must not be set in " + LaunchMode.current());
        }
        TestRoutes added;
        try {
            added = YAML.readValue(Files.readString(file), TestRoutes.class);
        } catch (IOException unreadable) {
            throw new IllegalStateException("Cannot read the test routes " + file + ": " + unreadable.getMessage());
        }
        for (String id : added.systems()) {
            int at = indexOf(manifests, id);
            if (at < 0) {
                throw new IllegalStateException("The test routes " + file + " name the unknown system '" + id + "'");
            }
            // Through the reader again, so the merged manifest passes the same checks as any other.
            manifests.set(at, reader.readText(reader.write(manifests.get(at).withMoreRoutes(added.routes()))));
        }
        LOG.warnf("Test routes from %s added to %s", file, added.systems());
    }

    private static int indexOf(List<AppManifest> manifests, String id) {
        for (int i = 0; i < manifests.size(); i++) {
            if (manifests.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The test-only routes file: the systems it extends and the routes each gets. */
    record TestRoutes(List<String> systems, List<AppManifest.Route> routes) {}

    private List<AppManifest> readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("The manifest directory " + directory.toAbsolutePath()
                    + " does not exist (camau.catalog.manifest-dir)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(ManifestDirectory::isManifest).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        List<AppManifest> manifests = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            AppManifest manifest = readFile(file);
            Path earlier = seen.putIfAbsent(manifest.id(), file);
            if (earlier != null) {
                throw new IllegalStateException(
                        "Duplicate system id '" + manifest.id() + "' in " + earlier + " and " + file);
            }
            manifests.add(manifest);
        }
        return manifests;
    }

    private AppManifest readFile(Path file) {
        try {
            return reader.readText(Files.readString(file));
        } catch (ProblemException invalid) {
            StringBuilder message = new StringBuilder("Invalid manifest " + file + ":");
            for (FieldViolation violation : invalid.fieldErrors()) {
                message.append("\n  ")
                        .append(violation.field())
                        .append(": ")
                        .append(violation.message().in(Language.EN));
            }
            throw new IllegalStateException(message.toString());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + file, unreadable);
        }
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }
}
