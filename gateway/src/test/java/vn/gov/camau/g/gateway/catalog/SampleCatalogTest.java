package vn.gov.camau.g.gateway.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.Api;

/** The sample catalog is the province's shape: 142 systems, 60 provincial and 82 central. */
@QuarkusTest
class SampleCatalogTest {

    @Test
    void theSampleCatalogHas60ProvincialAnd82CentralSystems() {
        List<Map<String, Object>> loaded = Api.as(TestSystems.ADMIN)
                .get("/api/v1/admin/apps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("findAll { it.source == 'file' }");
        @SuppressWarnings("unchecked")
        long provincial = loaded.stream()
                .filter(app -> "provincial".equals(((Map<String, Object>) app.get("manifest")).get("level")))
                .count();
        assertEquals(142, loaded.size());
        assertEquals(60, provincial);
        assertEquals(82, loaded.size() - provincial);
    }
}
