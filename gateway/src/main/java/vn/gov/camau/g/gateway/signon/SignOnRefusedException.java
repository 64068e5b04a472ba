package vn.gov.camau.g.gateway.signon;

/** Keycloak would not issue the token asked for (or could not be reached to ask). */
public class SignOnRefusedException extends RuntimeException {

    private final int keycloakStatus;

    public SignOnRefusedException(String message, int keycloakStatus) {
        super(message, null, false, false);
        this.keycloakStatus = keycloakStatus;
    }

    /** Keycloak's HTTP status, or 0 when it did not answer. */
    public int keycloakStatus() {
        return keycloakStatus;
    }
}
