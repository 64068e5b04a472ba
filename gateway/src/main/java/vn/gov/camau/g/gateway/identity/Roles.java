package vn.gov.camau.g.gateway.identity;

import java.util.Set;

/** The realm roles of the {@code camau} realm (sso/realm/camau-realm.json) that the platform acts on. */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String OFFICIAL = "official";
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** Only these are shown to the caller; Keycloak's own (offline_access, uma_authorization, default-roles-*) are not. */
    public static final Set<String> PLATFORM_ROLES = Set.of(CITIZEN, OFFICIAL, AGENCY_ADMIN, PLATFORM_ADMIN);

    private Roles() {}
}
