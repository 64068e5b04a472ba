package vn.gov.camau.g.gateway.catalog;

import java.util.Set;
import vn.gov.camau.g.gateway.identity.Roles;

/**
 * Who is looking at the catalog: anonymous (a tourist, or a third-party app's own token), or a
 * signed-in person with their roles and agency.
 *
 * @param subject the person's Keycloak subject, or null
 * @param agency the caller's agency code, or null
 */
public record Viewer(boolean signedIn, String subject, Set<String> roles, String agency) {

    public static final Viewer ANONYMOUS = new Viewer(false, null, Set.of(), null);

    /** Whether this viewer may see (and so open) a system. */
    public boolean maySee(AppManifest app) {
        if (roles.contains(Roles.PLATFORM_ADMIN)) {
            return true;
        }
        AppManifest.Audience audience = app.audience();
        boolean byKind = switch (audience.kind()) {
            case PUBLIC -> true;
            case CITIZEN -> signedIn;
            case OFFICIAL -> roles.contains(Roles.OFFICIAL) || roles.contains(Roles.AGENCY_ADMIN);
        };
        return byKind && holdsOneOf(audience.roles()) && worksUnderOneOf(audience.agencies());
    }

    /** Whether the viewer holds one of these roles (none listed: anyone; platform admins: always). */
    public boolean holdsOneOf(java.util.List<String> required) {
        return required == null
                || required.isEmpty()
                || roles.contains(Roles.PLATFORM_ADMIN)
                || required.stream().anyMatch(roles::contains);
    }

    /** {@code CM.TPCM.TACVAN} works under {@code CM.TPCM} and under itself, not under {@code CM.TP}. */
    private boolean worksUnderOneOf(java.util.List<String> agencies) {
        if (agencies == null || agencies.isEmpty()) {
            return true;
        }
        if (agency == null) {
            return false;
        }
        return agencies.stream().anyMatch(unit -> agency.equals(unit) || agency.startsWith(unit + "."));
    }
}
