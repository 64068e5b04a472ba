package vn.gov.camau.g.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.catalog.AppManifest;
import vn.gov.camau.g.gateway.routing.ClientQuotas.QuotaKey;

/** Who a proxied call is counted against (docs/modules.md, "Quotas"). */
class QuotaKeysTest {

    private static final AppManifest.Quota SIX_HUNDRED = new AppManifest.Quota(600, null);

    @Test
    void aPersonCountsAgainstTheirShareAndTheirApplication() {
        assertEquals(
                List.of(new QuotaKey("person:camau-mobile:sub-1", 60), new QuotaKey("app:camau-mobile", 600)),
                ClientQuotas.keysOf(SIX_HUNDRED, "camau-mobile", "sub-1", "10.0.0.1"));
        assertEquals(
                List.of(new QuotaKey("person:camau-mobile:sub-1", 120), new QuotaKey("app:camau-mobile", 600)),
                ClientQuotas.keysOf(new AppManifest.Quota(600, 120), "camau-mobile", "sub-1", "10.0.0.1"));
    }

    @Test
    void anApplicationsOwnTokenCountsAgainstTheApplication() {
        assertEquals(
                List.of(new QuotaKey("app:demo-partner-app", 600)),
                ClientQuotas.keysOf(SIX_HUNDRED, "demo-partner-app", null, "10.0.0.1"));
    }

    @Test
    void aCallerWithoutATokenCountsAgainstItsAddress() {
        assertEquals(
                List.of(new QuotaKey("address:10.0.0.1", 600)),
                ClientQuotas.keysOf(SIX_HUNDRED, null, null, "10.0.0.1"));
    }

    @Test
    void aPersonsShareIsAtLeastOneCall() {
        assertEquals(
                new QuotaKey("person:app:sub", 1),
                ClientQuotas.keysOf(new AppManifest.Quota(3, null), "app", "sub", "x")
                        .get(0));
    }

    @Test
    void aPersonOverTheirShareIsRefusedWhileAnotherIsNot() {
        ClientQuotas quotas = new ClientQuotas();
        AppManifest.Quota quota = new AppManifest.Quota(10, 2);
        List<QuotaKey> first = ClientQuotas.keysOf(quota, "app", "first", "x");
        List<QuotaKey> second = ClientQuotas.keysOf(quota, "app", "second", "x");
        assertEquals(0, quotas.take("s", first));
        assertEquals(0, quotas.take("s", first));
        assertEquals(30, quotas.take("s", first));
        assertEquals(0, quotas.take("s", second));
    }
}
