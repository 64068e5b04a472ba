package vn.gov.camau.g.sandbox;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;
import vn.gov.camau.g.sandbox.dangkytauca.VesselRegistry;
import vn.gov.camau.g.sandbox.hoptructuyen.MeetingStore;
import vn.gov.camau.g.sandbox.motcua.DossierStore;
import vn.gov.camau.g.sandbox.quantrac.StationNetwork;
import vn.gov.camau.g.sandbox.sample.SampleClock;
import vn.gov.camau.g.sandbox.vanban.DocumentStore;

/** The same day gives the same sample data: the seeds are fixed. */
class SeedTest {

    @Test
    void seedingTwiceGivesTheSameData() {
        SampleClock clock = new SampleClock();
        var official = new vn.gov.camau.g.sandbox.auth.Caller(
                "s",
                java.util.List.of(),
                null,
                null,
                "canbo.tinh",
                null,
                java.util.Set.of("official"),
                "CM",
                "province",
                false);
        assertThat(new DossierStore(clock).visibleTo(official), is(new DossierStore(clock).visibleTo(official)));
        assertThat(new DocumentStore(clock).inbox("CM.TVT"), is(new DocumentStore(clock).inbox("CM.TVT")));
        assertThat(new MeetingStore(clock).all(), is(new MeetingStore(clock).all()));
        assertThat(new VesselRegistry(clock).all(), is(new VesselRegistry(clock).all()));
        assertThat(new StationNetwork(clock).stations().size(), is(12));
        assertThat(new DossierStore(clock).size(), is(DossierStore.SEEDED));
    }
}
