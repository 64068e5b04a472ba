package vn.gov.camau.g.gateway.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cache of verified access tokens ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "camau.token-cache")
public interface TokenCacheConfig {

    /**
     * Live tokens kept at most. A token is about 1.3 KB, so 10,000 hold ~15 MB: the tokens of
     * 10,000 phones active within one token lifetime (5 minutes). Past it, new tokens are verified
     * on every request until older ones expire.
     */
    @WithDefault("10000")
    int maxEntries();
}
