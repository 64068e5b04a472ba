package vn.gov.camau.g.gateway.catalog;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import vn.gov.camau.g.gateway.signon.SystemClients;

/**
 * Keeps Keycloak in step with the catalog: every system whose calls go out with an exchanged
 * token must be an audience Keycloak will exchange for, before it is stored or served.
 */
@ApplicationScoped
public class ExchangeAudiences {

    private static final Logger LOG = Logger.getLogger(ExchangeAudiences.class);

    private final SystemClients clients;

    ExchangeAudiences(SystemClients clients) {
        this.clients = clients;
    }

    /** Provisions the system's audience when it needs one; a no-op for every other system. */
    public Uni<Void> ensure(AppManifest manifest) {
        if (!needsAudience(manifest)) {
            return Uni.createFrom().voidItem();
        }
        return clients.provision(manifest.id(), manifest.names().vi());
    }

    /**
     * Provisions every enabled exchange system, one after another, logging what fails: at start-up
     * Keycloak may still be away, and the first exchange will then say so.
     */
    Uni<Void> ensureAll(List<AppManifest> manifests) {
        return Multi.createFrom()
                .iterable(manifests)
                .filter(ExchangeAudiences::needsAudience)
                .onItem()
                .transformToUniAndConcatenate(manifest -> ensure(manifest)
                        .onFailure()
                        .invoke(failure -> LOG.warnf(
                                "Keycloak audience for %s not provisioned: %s", manifest.id(), failure.getMessage()))
                        .onFailure()
                        .recoverWithNull())
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private static boolean needsAudience(AppManifest manifest) {
        return manifest.upstream() != null && manifest.upstream().auth() == AppManifest.AuthMode.EXCHANGE;
    }
}
