package vn.gov.camau.g.gateway.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.gov.camau.g.gateway.problem.Language;

/** Builds what a caller sees of the catalog: only what they may open, in their language. */
@ApplicationScoped
public class CatalogService {

    private final Catalog catalog;

    CatalogService(Catalog catalog) {
        this.catalog = catalog;
    }

    public CatalogViews.Listing listing(Viewer viewer, Language language, List<String> favouriteIds) {
        CatalogSnapshot snapshot = catalog.current();
        Map<String, List<CatalogViews.AppView>> bySector = new TreeMap<>();
        for (CatalogSnapshot.Entry entry : snapshot.all()) {
            if (entry.enabled() && viewer.maySee(entry.manifest())) {
                bySector.computeIfAbsent(entry.manifest().sector(), sector -> new ArrayList<>())
                        .add(view(entry.manifest(), language));
            }
        }
        List<CatalogViews.SectorGroup> sectors = new ArrayList<>();
        Comparator<CatalogViews.AppView> byName = Comparator.comparing(CatalogViews.AppView::name);
        bySector.forEach((sector, apps) -> {
            apps.sort(byName);
            sectors.add(
                    new CatalogViews.SectorGroup(sector, Sectors.name(sector).in(language), List.copyOf(apps)));
        });
        sectors.sort(Comparator.comparing(CatalogViews.SectorGroup::name));
        List<CatalogViews.AppView> favourites = favouriteIds.stream()
                .map(snapshot::enabled)
                .flatMap(Optional::stream)
                .filter(entry -> viewer.maySee(entry.manifest()))
                .map(entry -> view(entry.manifest(), language))
                .toList();
        return new CatalogViews.Listing(snapshot.version(), language.tag(), favourites, sectors);
    }

    /**
     * What changed since {@code since} for this viewer: a system that became invisible to them
     * (disabled, or its audience narrowed) is removed, one that became visible is added. Only a
     * system that existed at {@code since}, and that the viewer could see before its last change,
     * is named as removed (after several changes since, a removal may go unnamed: the phone's full
     * listing then corrects it).
     */
    public CatalogViews.Delta delta(Viewer viewer, Language language, long since) {
        CatalogSnapshot snapshot = catalog.current();
        List<CatalogViews.AppView> added = new ArrayList<>();
        List<CatalogViews.AppView> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (CatalogSnapshot.Entry entry : snapshot.all()) {
            if (entry.changedVersion() <= since) {
                continue;
            }
            AppManifest manifest = entry.manifest();
            if (!entry.enabled() || !viewer.maySee(manifest)) {
                // Named only to a caller who could see it before its last change: naming a system
                // made after `since`, or one always hidden from them, would tell them of it.
                if (entry.createdVersion() <= since && entry.visibleBefore(viewer)) {
                    removed.add(manifest.id());
                }
            } else if (entry.createdVersion() > since) {
                added.add(view(manifest, language));
            } else {
                changed.add(view(manifest, language));
            }
        }
        Comparator<CatalogViews.AppView> byId = Comparator.comparing(CatalogViews.AppView::id);
        added.sort(byId);
        changed.sort(byId);
        removed.sort(Comparator.naturalOrder());
        return new CatalogViews.Delta(snapshot.version(), since, language.tag(), added, changed, removed);
    }

    public long version() {
        return catalog.current().version();
    }

    private static CatalogViews.AppView view(AppManifest app, Language language) {
        return new CatalogViews.AppView(
                app.id(),
                language == Language.EN ? app.names().en() : app.names().vi(),
                app.descriptions() == null
                        ? null
                        : language == Language.EN
                                ? app.descriptions().en()
                                : app.descriptions().vi(),
                app.sector(),
                app.ownerAgency(),
                app.level() == null ? null : app.level().name().toLowerCase(java.util.Locale.ROOT),
                app.icon(),
                app.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                app.audience().kind().name().toLowerCase(java.util.Locale.ROOT));
    }
}
