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
        return switch (app.upstream().auth()) {
            case RELAY -> Uni.createFrom().item(Optional.ofNullable(callerToken).map(Header::bearer));
            case EXCHANGE ->
                callerToken == null
                        ? Uni.createFrom().item(Optional.empty())
                        : tokens.exchange(callerToken, app.id())
                                .map(issued -> Optional.of(Header.bearer(issued.accessToken())));
            case CLIENT_CREDENTIALS ->
                tokens.platform().map(issued -> Optional.of(Header.bearer(issued.accessToken())));
            case API_KEY -> apiKey(app.upstream().apiKey());
            case NONE -> Uni.createFrom().item(Optional.empty());
        };
    }

    /** A manifest's base URL with its configuration placeholder resolved. */
    public String resolveBaseUrl(String baseUrl) {
        return baseUrl.replace("${camau.sandbox.url}", config.sandboxUrl());
    }

    private Uni<Optional<Header>> apiKey(AppManifest.ApiKey key) {
        Optional<String> secret = settings.getOptionalValue(key.secretRef(), String.class);
        return secret.isPresent()
                ? Uni.createFrom().item(Optional.of(new Header(key.header(), secret.get())))
                : Uni.createFrom()
                        .failure(new SignOnRefusedException("No secret is configured at " + key.secretRef(), 0));
    }

    /** A header that authenticates the gateway to a system. */
    public record Header(String name, String value) {
        static Header bearer(String token) {
            return new Header("Authorization", "Bearer " + token);
        }
    }
}
