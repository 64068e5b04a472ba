package vn.gov.camau.g.gateway.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole catalog at one version, read-only, swapped in one piece when the catalog changes so
 * a request never sees half a change.
 *
 * @param version the catalog version: every change makes a higher one
 * @param apps every system ever stored, enabled or not, by id
 */
public record CatalogSnapshot(long version, Map<String, Entry> apps) {

    public static final CatalogSnapshot EMPTY = new CatalogSnapshot(0, Map.of());

    public Optional<Entry> enabled(String id) {
        Entry entry = apps.get(id);
        return entry != null && entry.enabled() ? Optional.of(entry) : Optional.empty();
    }

    public List<Entry> all() {
        return List.copyOf(apps.values());
    }

    /** A system as the catalog holds it. */
    /**
     * @param previous the manifest before the last change, or null when it never changed
     * @param previousEnabled whether it was enabled before the last change
     */
    public record Entry(
            AppManifest manifest,
            boolean enabled,
            long createdVersion,
            long changedVersion,
            AppManifest previous,
            boolean previousEnabled) {

        /** Whether the viewer could see the system before its last change. */
        boolean visibleBefore(Viewer viewer) {
            return previous != null && previousEnabled && viewer.maySee(previous);
        }
    }
}
