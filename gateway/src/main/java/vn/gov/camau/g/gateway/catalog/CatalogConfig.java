package vn.gov.camau.g.gateway.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where the declared systems come from, and how fast a change made elsewhere is seen here. */
@ConfigMapping(prefix = "camau.catalog")
public interface CatalogConfig {

    /** The directory of manifests (*.yaml, *.yml, *.json) read at start-up. */
    @WithDefault("modules/declared/apps")
    String manifestDir();

    /**
     * Test only: a file of routes added to named systems of the manifest directory (the sandbox's
     * diagnostics). The gateway refuses to start with it outside the test profile, so test-only
     * routes can never reach a deployment.
     */
    Optional<String> testRoutesFile();

    /** How often this instance checks whether another instance changed the catalog. */
    @WithDefault("5s")
    Duration refreshInterval();
}
