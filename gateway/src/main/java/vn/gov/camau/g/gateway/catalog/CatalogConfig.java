package vn.gov.camau.g.gateway.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the declared systems come from, and how fast a change made elsewhere is seen here. */
@ConfigMapping(prefix = "camau.catalog")
public interface CatalogConfig {

    /** The directory of manifests (*.yaml, *.yml, *.json) read at start-up. */
    @WithDefault("modules/declared/apps")
    String manifestDir();

    /** How often this instance checks whether another instance changed the catalog. */
    @WithDefault("5s")
    Duration refreshInterval();
}
