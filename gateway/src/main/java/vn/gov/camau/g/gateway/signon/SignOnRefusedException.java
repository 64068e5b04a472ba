package vn.gov.camau.g.gateway.signon;

/** Keycloak would not issue the token asked for (or could not be reached to ask). */
public class SignOnRefusedException extends RuntimeException {

    private static final int UNREACHABLE = -1;

    private final int keycloakStatus;

    public SignOnRefusedException(String message, int keycloakStatus) {
        super(message, null, false, false);
        this.keycloakStatus = keycloakStatus;
    }

    /** Keycloak could not be reached to ask: an outage, worth retrying, not a refusal. */
    public static SignOnRefusedException unreachable(String message) {
        return new SignOnRefusedException(message, UNREACHABLE);
    }

    public boolean keycloakUnreachable() {
        return keycloakStatus == UNREACHABLE;
    }

    /** Keycloak's HTTP status, or 0 when it did not answer (or was not asked). */
    public int keycloakStatus() {
        return Math.max(0, keycloakStatus);
    }
}
