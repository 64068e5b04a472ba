package vn.gov.camau.g.gateway.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The realm's signing keys the gateway holds ({@link RealmKeys}, {@link RealmKeysReadiness}). */
@ConfigMapping(prefix = "camau.realm-keys")
public interface RealmKeysConfig {

    /**
     * The gateway stays ready while the keys it holds were fetched at most this long ago: every
     * token Keycloak issued before an outage (5-minute lifetimes) verifies with them. Past it, a
     * key removed from the realm meanwhile could still be trusted, so the gateway says it is not ready.
     */
    @WithDefault("1h")
    Duration readyFor();

    /**
     * A token naming an unknown key makes the gateway fetch the keys again at most this often, so
     * made-up key ids cannot make it hammer Keycloak.
     */
    @WithDefault("10s")
    Duration refreshAtMostEvery();
}
