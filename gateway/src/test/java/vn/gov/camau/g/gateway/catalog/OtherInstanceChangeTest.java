package vn.gov.camau.g.gateway.catalog;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;

/**
 * A change another gateway instance made (written to PostgreSQL, this instance's snapshot not
 * told) is served here within the refresh interval (1 s in tests, 5 s in production).
 */
@QuarkusTest
class OtherInstanceChangeTest {

    @Inject
    CatalogStore store;

    @Test
    void aSystemDisabledByAnotherInstanceLeavesThisOnesCatalog() throws Throwable {
        String id = TestSystems.add(TestSystems.newId("elsewhere"), "culture-tourism", "{\"kind\":\"public\"}");
        Api.anonymous().get("/api/v1/apps").then().body("sectors.apps.flatten().id", hasItem(id));

        VertxContextSupport.subscribeAndAwait(() -> store.setEnabled(id, false, "another-instance"));

        long deadline = System.currentTimeMillis() + 5_000;
        boolean gone = false;
        while (!gone && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            gone = !Api.anonymous()
                    .get("/api/v1/apps")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("sectors.apps.flatten().id")
                    .contains(id);
        }
        Api.anonymous().get("/api/v1/apps").then().body("sectors.apps.flatten().id", not(hasItem(id)));
    }
}
