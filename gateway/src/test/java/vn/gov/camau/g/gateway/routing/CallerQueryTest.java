package vn.gov.camau.g.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.catalog.AppManifest.CallerAttribute;
import vn.gov.camau.g.gateway.catalog.Viewer;

/** The query a system gets when a route sets parameters from the verified caller. */
class CallerQueryTest {

    private static final Viewer COMMUNE_OFFICIAL = new Viewer(true, "sub-1", Set.of("official"), "CM.TPCM.TACVAN");
    private static final Map<String, CallerAttribute> AGENCY = Map.of("agency", CallerAttribute.AGENCY);

    @Test
    void theCallersOwnAgencyReplacesAnyTheyAskFor() {
        assertEquals(
                Optional.of("range=all&agency=CM.TPCM.TACVAN"),
                CallerQuery.of("range=all&agency=CM.TVT", AGENCY, COMMUNE_OFFICIAL));
        assertEquals(
                Optional.of("agency=CM.TPCM.TACVAN"),
                CallerQuery.of("agency=CM.TVT&agency=CM&agency", AGENCY, COMMUNE_OFFICIAL));
        assertEquals(Optional.of("agency=CM.TPCM.TACVAN"), CallerQuery.of("%61gency=CM.TVT", AGENCY, COMMUNE_OFFICIAL));
        assertEquals(Optional.of("agency=CM.TPCM.TACVAN"), CallerQuery.of(null, AGENCY, COMMUNE_OFFICIAL));
    }

    @Test
    void otherParametersPassAsSent() {
        assertEquals(
                Optional.of("q=h%E1%BB%8Dp&x&agency=CM.TPCM.TACVAN"),
                CallerQuery.of("q=h%E1%BB%8Dp&x", AGENCY, COMMUNE_OFFICIAL));
        assertEquals(Optional.of("a=1&b=2"), CallerQuery.of("a=1&b=2", Map.of(), COMMUNE_OFFICIAL));
        assertEquals(Optional.of(""), CallerQuery.of(null, Map.of(), COMMUNE_OFFICIAL));
    }

    @Test
    void aCallerWithoutTheAttributeGetsNothingForwarded() {
        assertTrue(CallerQuery.of("agency=CM.TVT", AGENCY, Viewer.ANONYMOUS).isEmpty());
        assertTrue(CallerQuery.of(null, Map.of("who", CallerAttribute.SUBJECT), Viewer.ANONYMOUS)
                .isEmpty());
    }

    @Test
    void aHomePathGetsTheParameters() {
        assertEquals(
                Optional.of("/summary?agency=CM.TPCM.TACVAN"), CallerQuery.path("/summary", AGENCY, COMMUNE_OFFICIAL));
        assertEquals(Optional.of("/summary"), CallerQuery.path("/summary", Map.of(), COMMUNE_OFFICIAL));
    }

    @Test
    void aMalformedParameterNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CallerQuery.of("%zz=1", AGENCY, COMMUNE_OFFICIAL));
    }
}
