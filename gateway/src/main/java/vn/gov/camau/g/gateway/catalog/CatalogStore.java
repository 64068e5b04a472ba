package vn.gov.camau.g.gateway.catalog;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/**
 * Every change to the catalog, each in one transaction with its audit entry and a new catalog
 * version. Systems are never deleted: disabling one is how it leaves the catalog.
 */
@ApplicationScoped
public class CatalogStore {

    static final String SYSTEM_ACTOR = "manifest-directory";

    private static final Localized UNKNOWN_APP =
            new Localized("Không có hệ thống nào với mã này.", "There is no system with this id.");
    private static final Localized APP_EXISTS = new Localized(
            "Đã có hệ thống với mã này; hãy dùng PUT để thay đổi.",
            "A system with this id exists; use PUT to change it.");

    private final ManifestReader manifests;

    CatalogStore(ManifestReader manifests) {
        this.manifests = manifests;
    }

    @WithSession
    public Uni<List<CatalogApp>> all() {
        return CatalogApp.listAll();
    }

    @WithSession
    public Uni<CatalogApp> find(String id) {
        return CatalogApp.<CatalogApp>findById(id).map(found -> orNotFound(found));
    }

    @WithSession
    public Uni<List<CatalogAuditEntry>> audit(String id) {
        return find(id).chain(app -> CatalogAuditEntry.list("appId = ?1 order by id", id));
    }

    /** The highest catalog version stored, for instances that learn of others' changes. */
    @WithSession
    public Uni<Long> latestVersion() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select coalesce(max(changed_version), 0) from catalog_apps", Long.class)
                        .getSingleResult());
    }

    /**
     * Stores what the manifest directory holds: new systems are added, changed ones updated, and
     * a system an admin has changed is left as the admin left it.
     *
     * @return how many systems were added or changed
     */
    @WithTransaction
    public Uni<Integer> loadFromFiles(List<AppManifest> fromFiles) {
        return Multi.createFrom()
                .iterable(fromFiles)
                .onItem()
                .transformToUniAndConcatenate(this::loadOne)
                .collect()
                .asList()
                .map(changed ->
                        (int) changed.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> loadOne(AppManifest manifest) {
        String canonical = manifests.write(manifest);
        return CatalogApp.<CatalogApp>findById(manifest.id()).chain(stored -> {
            if (stored == null) {
                return nextVersion()
                        .chain(version -> insert(manifest.id(), canonical, CatalogApp.FROM_FILE, version))
                        .chain(app -> audit(app.id, "load", SYSTEM_ACTOR, null, null, app.manifest, true))
                        .replaceWith(true);
            }
            if (!CatalogApp.FROM_FILE.equals(stored.source) || stored.manifest.equals(canonical)) {
                return Uni.createFrom().item(false);
            }
            String before = stored.manifest;
            return nextVersion()
                    .invoke(version -> change(stored, canonical, CatalogApp.FROM_FILE, version))
                    .chain(version ->
                            audit(stored.id, "load", SYSTEM_ACTOR, before, stored.enabled, canonical, stored.enabled))
                    .replaceWith(true);
        });
    }

    @WithTransaction
    public Uni<CatalogApp> create(AppManifest manifest, String actor) {
        String canonical = manifests.write(manifest);
        return CatalogApp.<CatalogApp>findById(manifest.id()).chain(stored -> {
            if (stored != null) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT, APP_EXISTS));
            }
            return nextVersion()
                    .chain(version -> insert(manifest.id(), canonical, CatalogApp.FROM_ADMIN, version))
                    .call(app -> audit(app.id, "create", actor, null, null, canonical, true));
        });
    }

    @WithTransaction
    public Uni<CatalogApp> replace(String id, AppManifest manifest, String actor) {
        String canonical = manifests.write(manifest);
        return CatalogApp.<CatalogApp>findById(id).map(CatalogStore::orNotFound).chain(stored -> {
            String before = stored.manifest;
            return nextVersion()
                    .invoke(version -> change(stored, canonical, CatalogApp.FROM_ADMIN, version))
                    .call(version -> audit(id, "replace", actor, before, stored.enabled, canonical, stored.enabled))
                    .replaceWith(stored);
        });
    }

    @WithTransaction
    public Uni<CatalogApp> setEnabled(String id, boolean enabled, String actor) {
        return CatalogApp.<CatalogApp>findById(id).map(CatalogStore::orNotFound).chain(stored -> {
            if (stored.enabled == enabled) {
                return Uni.createFrom().item(stored);
            }
            return nextVersion()
                    .invoke(version -> {
                        remember(stored);
                        stored.enabled = enabled;
                        stored.source = CatalogApp.FROM_ADMIN;
                        stored.changedVersion = version;
                        stored.updatedAt = OffsetDateTime.now();
                    })
                    .call(version -> audit(
                            id,
                            enabled ? "enable" : "disable",
                            actor,
                            stored.manifest,
                            !enabled,
                            stored.manifest,
                            enabled))
                    .replaceWith(stored);
        });
    }

    private static CatalogApp orNotFound(CatalogApp found) {
        if (found == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, UNKNOWN_APP);
        }
        return found;
    }

    private static Uni<CatalogApp> insert(String id, String canonical, String source, long version) {
        CatalogApp app = new CatalogApp();
        app.id = id;
        app.manifest = canonical;
        app.enabled = true;
        app.source = source;
        app.createdVersion = version;
        app.changedVersion = version;
        app.updatedAt = OffsetDateTime.now();
        return app.persist();
    }

    private static void change(CatalogApp stored, String canonical, String source, long version) {
        remember(stored);
        stored.manifest = canonical;
        stored.source = source;
        stored.changedVersion = version;
        stored.updatedAt = OffsetDateTime.now();
    }

    /** Keeps what the row is before a change: who could see it then decides who is told it went. */
    private static void remember(CatalogApp stored) {
        stored.previousManifest = stored.manifest;
        stored.previousEnabled = stored.enabled;
    }

    private static Uni<Void> audit(
            String id,
            String action,
            String actor,
            String before,
            Boolean enabledBefore,
            String after,
            Boolean enabledAfter) {
        CatalogAuditEntry entry = new CatalogAuditEntry();
        entry.appId = id;
        entry.action = action;
        entry.actor = actor;
        entry.before = before;
        entry.enabledBefore = enabledBefore;
        entry.after = after;
        entry.enabledAfter = enabledAfter;
        entry.at = OffsetDateTime.now();
        return entry.persist().replaceWithVoid();
    }

    private static Uni<Long> nextVersion() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select nextval('catalog_version_seq')", Long.class)
                        .getSingleResult());
    }
}
