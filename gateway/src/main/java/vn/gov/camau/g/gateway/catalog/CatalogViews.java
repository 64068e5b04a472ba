package vn.gov.camau.g.gateway.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What GET /api/v1/apps answers: records only, the language already chosen. */
public final class CatalogViews {

    private CatalogViews() {}

    /** A system as a phone lists it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppView(
            String id,
            String name,
            String description,
            String sector,
            String ownerAgency,
            String level,
            String icon,
            String kind,
            String audience) {}

    public record SectorGroup(String id, String name, List<AppView> apps) {}

    /** The whole catalog the caller may open: favourites first, then every sector. */
    public record Listing(long version, String language, List<AppView> favourites, List<SectorGroup> sectors) {}

    /** What changed since a version the phone already has. */
    public record Delta(
            long version,
            long since,
            String language,
            List<AppView> added,
            List<AppView> changed,
            List<String> removed) {}
}
