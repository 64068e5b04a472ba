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

    /**
     * Whether this viewer sees a system in the catalog: a platform admin sees every one (they
     * manage them all), everyone else those they may open.
     */
    public boolean maySee(AppManifest app) {
        return roles.contains(Roles.PLATFORM_ADMIN) || mayOpen(app);
    }

    /**
     * Whether this viewer may open a system (launch it, call it, see its home section): by its
     * audience alone. Managing the platform gives no one a way into a system's data.
     */
    public boolean mayOpen(AppManifest app) {
        AppManifest.Audience audience = app.audience();
        boolean byKind = switch (audience.kind()) {
            case PUBLIC -> true;
            case CITIZEN -> signedIn;
            case OFFICIAL -> roles.contains(Roles.OFFICIAL) || roles.contains(Roles.AGENCY_ADMIN);
        };
        return byKind && holdsOneOf(audience.roles()) && worksUnderOneOf(audience.agencies());
    }

    /**
     * Whether the viewer holds one of these roles (none listed: anyone). A platform admin runs the
     * platform and is no official: they pass a route's roles only where the route lists their role.
     */
    public boolean holdsOneOf(java.util.List<String> required) {
        return required == null || required.isEmpty() || required.stream().anyMatch(roles::contains);
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
