package vn.gov.camau.g.gateway.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the gateway accepts at its edge, checked before any route runs. */
@ConfigMapping(prefix = "camau.http")
public interface EdgeLimits {

    /** The most that all request headers together may weigh; past it, 431. */
    @WithDefault("16K")
    MemorySize maxHeadersSize();

    /** The most an Authorization header may weigh; a Keycloak access token is about 1.5 KB. */
    @WithDefault("8K")
    MemorySize maxAuthorizationSize();

    /** The largest body of a request to the gateway's own API (not to the systems behind it); past it, 413. */
    @WithDefault("64K")
    MemorySize maxApiBodySize();

    /**
     * The longest request path (without its query), in characters, for every route, proxied ones
     * included; past it, 414. The HTTP layer's own limit on the whole request line is higher.
     */
    @WithDefault("2048")
    int maxPathLength();
}
