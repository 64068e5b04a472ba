package vn.gov.camau.g.sandbox.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.gov.camau.g.sandbox.auth.Jwks;
import vn.gov.camau.g.sandbox.dangkytauca.VesselRegistry;
import vn.gov.camau.g.sandbox.hoptructuyen.MeetingStore;
import vn.gov.camau.g.sandbox.motcua.DossierStore;
import vn.gov.camau.g.sandbox.quantrac.StationNetwork;
import vn.gov.camau.g.sandbox.vanban.DocumentStore;

/**
 * Ready once the sample data is seeded (at start). Whether the realm's keys are loaded is shown
 * but does not decide: the api-key system works without Keycloak, and the keys load on first use.
 */
@Readiness
@ApplicationScoped
public class SampleDataReadiness implements HealthCheck {

    private final DossierStore dossiers;
    private final DocumentStore documents;
    private final MeetingStore meetings;
    private final StationNetwork stations;
    private final VesselRegistry vessels;
    private final Jwks jwks;

    SampleDataReadiness(
            DossierStore dossiers,
            DocumentStore documents,
            MeetingStore meetings,
            StationNetwork stations,
            VesselRegistry vessels,
            Jwks jwks) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.meetings = meetings;
        this.stations = stations;
        this.vessels = vessels;
        this.jwks = jwks;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sandbox-sample-data")
                .up()
                .withData("dossiers", dossiers.size())
                .withData("documents", documents.size())
                .withData("meetings", meetings.all().size())
                .withData("stations", stations.stations().size())
                .withData("vessels", vessels.all().size())
                .withData("realmKeysLoaded", jwks.loaded())
                .build();
    }
}
