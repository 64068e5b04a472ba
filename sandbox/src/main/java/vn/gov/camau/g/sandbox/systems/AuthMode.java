package vn.gov.camau.g.sandbox.systems;

/** How a system decides who is calling; one per system, as the gateway's manifest says. */
public enum AuthMode {
    /** A token made for this system by RFC 8693 token exchange: {@code aud} names the system's client. */
    EXCHANGE,
    /** The caller's own token, relayed by the gateway: {@code aud} names the gateway. */
    RELAY,
    /** The platform's own client-credentials token: {@code azp} is the platform's client. */
    CLIENT_CREDENTIALS,
    /** A shared secret in a header; no token is looked at. */
    API_KEY;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
