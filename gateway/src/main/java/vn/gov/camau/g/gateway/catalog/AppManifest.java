package vn.gov.camau.g.gateway.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A sectoral system as its manifest declares it (modules/declared/schema/app-manifest.schema.json,
 * documented in docs/modules.md). Only ever built from a manifest that passed the schema.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppManifest(
        String id,
        Texts names,
        Texts descriptions,
        String sector,
        String ownerAgency,
        Level level,
        String icon,
        Audience audience,
        Kind kind,
        String launchUrl,
        Upstream upstream,
        List<Route> routes,
        Home home,
        String contract,
        Boolean sample) {

    public List<Route> routesOrEmpty() {
        return routes == null ? List.of() : routes;
    }

    /** A text in Vietnamese and English. */
    public record Texts(String vi, String en) {}

    /** Who may see and open the system. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Audience(AudienceKind kind, List<String> roles, List<String> agencies) {}

    public enum AudienceKind {
        @JsonProperty("public")
        PUBLIC,
        @JsonProperty("citizen")
        CITIZEN,
        @JsonProperty("official")
        OFFICIAL
    }

    public enum Kind {
        @JsonProperty("webview")
        WEBVIEW,
        @JsonProperty("deeplink")
        DEEPLINK,
        @JsonProperty("api")
        API,
        @JsonProperty("directory-only")
        DIRECTORY_ONLY
    }

    public enum Level {
        @JsonProperty("provincial")
        PROVINCIAL,
        @JsonProperty("central")
        CENTRAL
    }

    /** How the gateway reaches the system's API. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Upstream(
            String baseUrl,
            AuthMode auth,
            ApiKey apiKey,
            String timeout,
            Retry retry,
            Integer concurrency,
            Quota quota,
            String cacheTtl,
            String maxRequestBody) {}

    public enum AuthMode {
        @JsonProperty("relay")
        RELAY,
        @JsonProperty("exchange")
        EXCHANGE,
        @JsonProperty("client-credentials")
        CLIENT_CREDENTIALS,
        @JsonProperty("api-key")
        API_KEY,
        @JsonProperty("none")
        NONE
    }

    /** The header to send and the configuration key holding the secret (never the secret). */
    public record ApiKey(String header, String secretRef) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Retry(Integer maxAttempts, String backoff) {}

    /**
     * @param requestsPerMinute an application's allowance (all its users together), or an address's
     *     without a token
     * @param perPersonPerMinute each person's share within an application (a tenth of the
     *     application's when unset), so one person's burst leaves the others theirs
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quota(Integer requestsPerMinute, Integer perPersonPerMinute) {}

    /**
     * @param callerQuery query parameters the gateway sets from the verified caller (name → what
     *     of the caller), replacing any the caller sent: a system that trusts the platform learns
     *     whose data to answer from the token, never from the caller's own query
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Route(String method, String path, List<String> roles, Map<String, CallerAttribute> callerQuery) {

        public Route(String method, String path, List<String> roles) {
            this(method, path, roles, null);
        }

        public Map<String, CallerAttribute> callerQueryOrEmpty() {
            return callerQuery == null ? Map.of() : callerQuery;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Home(String path, Texts titles, List<String> roles, Map<String, CallerAttribute> callerQuery) {

        public Map<String, CallerAttribute> callerQueryOrEmpty() {
            return callerQuery == null ? Map.of() : callerQuery;
        }
    }

    /** What of the verified caller a {@code callerQuery} parameter carries. */
    public enum CallerAttribute {
        /** The caller's agency code (an official's unit, such as {@code CM.TPCM.TACVAN}). */
        @JsonProperty("agency")
        AGENCY,
        /** The caller's Keycloak subject. */
        @JsonProperty("subject")
        SUBJECT
    }

    /** The same manifest with more routes (the test-only diagnostics routes). */
    public AppManifest withMoreRoutes(List<Route> more) {
        List<Route> all = new java.util.ArrayList<>(routesOrEmpty());
        all.addAll(more);
        return new AppManifest(
                id,
                names,
                descriptions,
                sector,
                ownerAgency,
                level,
                icon,
                audience,
                kind,
                launchUrl,
                upstream,
                List.copyOf(all),
                home,
                contract,
                sample);
    }
}
