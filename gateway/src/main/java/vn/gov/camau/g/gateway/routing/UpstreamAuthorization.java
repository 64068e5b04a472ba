package vn.gov.camau.g.gateway.routing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import vn.gov.camau.g.gateway.catalog.AppManifest;
import vn.gov.camau.g.gateway.signon.SignOnRefusedException;
import vn.gov.camau.g.gateway.signon.SystemTokens;

/** How the gateway authenticates its call to a system, per the manifest's {@code upstream.auth}. */
@ApplicationScoped
public class UpstreamAuthorization {

    private final SystemTokens tokens;
    private final Config settings;
    private final RoutingConfig config;

    UpstreamAuthorization(SystemTokens tokens, Config settings, RoutingConfig config) {
        this.tokens = tokens;
        this.settings = settings;
        this.config = config;
    }

    /**
     * The header to send, if any. Fails with {@link SignOnRefusedException} when Keycloak will not
     * issue the token, or the API key's secret is not configured.
     *
     * @param callerToken the caller's access token, or null for an anonymous caller
     */
    public Uni<Optional<Header>> of(AppManifest app, String callerToken) {
        Optional<Header> known = withoutSignOn(app, callerToken);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return switch (app.upstream().auth()) {
            case EXCHANGE ->
                tokens.exchange(callerToken, app.id())
                        .map(issued -> Optional.of(Header.callersBearer(issued.accessToken())));
            case CLIENT_CREDENTIALS ->
                tokens.platform().map(issued -> Optional.of(Header.platformBearer(issued.accessToken())));
            case API_KEY ->
                Uni.createFrom()
                        .failure(new SignOnRefusedException(
                                "No secret is configured at "
                                        + app.upstream().apiKey().secretRef(),
                                0));
            case RELAY, NONE -> throw new IllegalStateException("decided without sign-on");
        };
    }

    /**
     * The header when it needs no call to Keycloak (the proxy's hot path skips the Uni), or null
     * when it does, or when it cannot be had.
     */
    Optional<Header> withoutSignOn(AppManifest app, String callerToken) {
        return switch (app.upstream().auth()) {
            case NONE -> Optional.empty();
            case RELAY -> Optional.ofNullable(callerToken).map(Header::callersBearer);
            case EXCHANGE -> callerToken == null ? Optional.empty() : null;
            case CLIENT_CREDENTIALS -> null;
            case API_KEY -> {
                AppManifest.ApiKey key = app.upstream().apiKey();
                Optional<String> secret = settings.getOptionalValue(key.secretRef(), String.class);
                yield secret.isPresent() ? Optional.of(new Header(key.header(), secret.get(), secret.get())) : null;
            }
        };
    }

    /** A manifest's base URL with its configuration placeholder resolved. */
    public String resolveBaseUrl(String baseUrl) {
        return baseUrl.replace("${camau.sandbox.url}", config.sandboxUrl());
    }

    /**
     * A header that authenticates the gateway to a system.
     *
     * @param platformSecret the platform's own credential in it (an API key, the platform's
     *     client-credentials token), which no caller may ever see; null when the credential is the
     *     caller's own (relayed, or exchanged for the same person)
     */
    public record Header(String name, String value, String platformSecret) {
        static Header callersBearer(String token) {
            return new Header("Authorization", "Bearer " + token, null);
        }

        static Header platformBearer(String token) {
            return new Header("Authorization", "Bearer " + token, token);
        }
    }
}
