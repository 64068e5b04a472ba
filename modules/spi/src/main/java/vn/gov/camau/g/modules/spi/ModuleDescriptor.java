package vn.gov.camau.g.modules.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a sectoral system as the catalog shows it.
 *
 * @param id stable, URL-safe id ({@code [a-z0-9][a-z0-9-]{1,62}}), used in routes such as
 *     {@code /api/v1/apps/{id}}; never reused for another system
 * @param nameVi the name in Vietnamese, as officials and citizens know it
 * @param nameEn the name in English
 * @param sector the sector the system belongs to (for example {@code health}, {@code land})
 * @param ownerAgency the {@code agency_code} of the agency that runs the system
 * @param audience who may open it
 * @param kind how the phone opens it
 */
public record ModuleDescriptor(
        String id, String nameVi, String nameEn, String sector, String ownerAgency, Audience audience, Kind kind) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public ModuleDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Module id '" + id + "' must match " + ID.pattern());
        }
        Objects.requireNonNull(nameVi, "nameVi of " + id);
        Objects.requireNonNull(nameEn, "nameEn of " + id);
        Objects.requireNonNull(audience, "audience of " + id);
        Objects.requireNonNull(kind, "kind of " + id);
    }

    /** Who may open a system. */
    public enum Audience {
        /** Anyone, without an account: tourists included. */
        PUBLIC,
        /** Signed-in citizens and businesses (and officials). */
        CITIZEN,
        /** Officials only. */
        OFFICIAL
    }

    /** How the phone opens a system. */
    public enum Kind {
        WEBVIEW,
        DEEPLINK,
        API,
        DIRECTORY_ONLY
    }
}
