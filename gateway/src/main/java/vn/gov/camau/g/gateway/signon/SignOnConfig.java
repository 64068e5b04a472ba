package vn.gov.camau.g.gateway.signon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The gateway's own Keycloak clients: one exchanges callers' tokens, one is the platform itself. */
@ConfigMapping(prefix = "camau.keycloak")
public interface SignOnConfig {

    /** The realm's token endpoint. */
    String tokenEndpoint();

    /** The confidential client that exchanges a caller's token for a system's (RFC 8693). */
    @WithDefault("camau-gateway")
    String gatewayClientId();

    /** Its secret; set out of band in production (CAMAU_GATEWAY_CLIENT_SECRET). */
    Optional<String> gatewayClientSecret();

    /** The client whose service account is the platform calling a system as itself. */
    @WithDefault("camau-platform")
    String platformClientId();

    /** Its secret (CAMAU_PLATFORM_CLIENT_SECRET). */
    Optional<String> platformClientSecret();

    /** The realm's admin API, where the provisioner creates systems' clients. */
    String adminEndpoint();

    /** The client allowed to manage clients (only that), to give new exchange systems their audience. */
    @WithDefault("camau-provisioner")
    String provisionerClientId();

    /** Its secret (CAMAU_PROVISIONER_CLIENT_SECRET). */
    Optional<String> provisionerClientSecret();

    /** The Keycloak client id of a system's audience: {@code app-<system id>}. */
    @WithDefault("app-")
    String systemClientPrefix();
}
