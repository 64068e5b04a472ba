package vn.gov.camau.g.gateway.home;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The home screen's time budget and how long a section's last good value may stand in for it. */
@ConfigMapping(prefix = "camau.home")
public interface HomeConfig {

    /** The whole home answer is ready within this, however slow a section's system is. */
    @WithDefault("800ms")
    Duration budget();

    /** The oldest last good value shown (as stale) when a system's manifest sets no cacheTtl. */
    @WithDefault("10m")
    Duration staleFor();

    /** How many last good values are kept (per system and person). */
    @WithDefault("20000")
    int maxRemembered();
}
