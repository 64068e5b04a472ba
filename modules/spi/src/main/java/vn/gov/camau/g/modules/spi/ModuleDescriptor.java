package vn.gov.camau.g.modules.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a sectoral system as the catalog shows it.
 *
 * @param id stable, URL-safe id (2 to 63 of {@code a-z 0-9}, single hyphens), used in routes such as
 *     {@code /api/v1/apps/{id}}; never reused for another system
 * @param nameVi the name in Vietnamese, as officials and citizens know it
 * @param nameEn the name in English
 * @param sector the sector the system belongs to (for example {@code health}, {@code land})
 * @param ownerAgency the {@code agency_code} of the agency that runs the system
 * @param audience who may open it
 * @param kind how the phone opens it
 * @param level whose system it is: the province's own, or a central ministry's deployed locally
 * @param launchUrl what the phone opens (https for a webview, an app link for a deeplink), or null
 */
public record ModuleDescriptor(
        String id,
        String nameVi,
        String nameEn,
        String sector,
        String ownerAgency,
        Audience audience,
        Kind kind,
        Level level,
        String launchUrl) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ModuleDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches() || id.length() < 2 || id.length() > 63) {
            throw new IllegalArgumentException("Module id '" + id + "' must match " + ID.pattern());
        }
        Objects.requireNonNull(nameVi, "nameVi of " + id);
        Objects.requireNonNull(nameEn, "nameEn of " + id);
        Objects.requireNonNull(audience, "audience of " + id);
        Objects.requireNonNull(kind, "kind of " + id);
        Objects.requireNonNull(level, "level of " + id);
        if ((kind == Kind.WEBVIEW || kind == Kind.DEEPLINK) && launchUrl == null) {
            throw new IllegalArgumentException("Module " + id + " is a " + kind + " without a launchUrl");
        }
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

    /** Whose system it is. */
    public enum Level {
        PROVINCIAL,
        CENTRAL
    }

    /** How the phone opens a system. */
    public enum Kind {
        WEBVIEW,
        DEEPLINK,
        API,
        DIRECTORY_ONLY
    }
}
