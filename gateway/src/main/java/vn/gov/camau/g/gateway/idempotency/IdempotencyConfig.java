package vn.gov.camau.g.gateway.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a write's outcome is kept for its retries. */
@ConfigMapping(prefix = "camau.idempotency")
public interface IdempotencyConfig {

    /**
     * A retry with the same Idempotency-Key within this time gets the first answer back; after
     * it, the key is forgotten and the same key is a new request. A phone retries within minutes,
     * a phone that was offline overnight within hours.
     */
    @WithDefault("24h")
    Duration retention();

    /** How often records past their retention are deleted. */
    @WithDefault("1h")
    Duration purgeEvery();
}
