package vn.gov.camau.g.gateway.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog as requests see it: an immutable snapshot, replaced whole after every change, so
 * an admin's change takes effect on the next request without a restart.
 */
@ApplicationScoped
public class Catalog {

    private final CatalogStore store;
    private final ManifestReader manifests;
    private volatile CatalogSnapshot current = CatalogSnapshot.EMPTY;

    Catalog(CatalogStore store, ManifestReader manifests) {
        this.store = store;
        this.manifests = manifests;
    }

    public CatalogSnapshot current() {
        return current;
    }

    /** Reads the whole catalog from PostgreSQL and makes it the current snapshot. */
    public Uni<CatalogSnapshot> refresh() {
        return store.all().map(this::snapshotOf).invoke(snapshot -> current = snapshot);
    }

    /** Refreshes only when another instance stored a newer version than this one holds. */
    public Uni<CatalogSnapshot> refreshIfStale() {
        return store.latestVersion()
                .chain(latest -> latest > current.version()
                        ? refresh()
                        : Uni.createFrom().item(current));
    }

    private CatalogSnapshot snapshotOf(List<CatalogApp> rows) {
        Map<String, CatalogSnapshot.Entry> apps = new HashMap<>();
        long version = 0;
        for (CatalogApp row : rows) {
            apps.put(
                    row.id,
                    new CatalogSnapshot.Entry(
                            manifests.stored(row.manifest),
                            row.enabled,
                            row.createdVersion,
                            row.changedVersion,
                            row.previousManifest == null ? null : manifests.stored(row.previousManifest),
                            Boolean.TRUE.equals(row.previousEnabled)));
            version = Math.max(version, row.changedVersion);
        }
        return new CatalogSnapshot(version, Map.copyOf(apps));
    }
}
