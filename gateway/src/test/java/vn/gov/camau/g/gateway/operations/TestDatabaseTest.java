package vn.gov.camau.g.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The tests use their own database whatever the environment holds: surefire sets CAMAU_DB_NAME
 * to the database of `./camau up` (gateway/pom.xml), as a developer's shell may.
 */
@QuarkusTest
class TestDatabaseTest {

    @Inject
    Pool database;

    @Test
    void theTestsTalkToTheTestDatabaseEvenWithCamauDbNameSet() {
        assertEquals("camau", System.getenv("CAMAU_DB_NAME"), "surefire sets the variable that once leaked");
        String expected = System.getenv().getOrDefault("CAMAU_TEST_DB_NAME", "camau_test");
        String current = database.query("select current_database()")
                .execute()
                .map(rows -> rows.iterator().next().getString(0))
                .await()
                .atMost(Duration.ofSeconds(10));
        assertEquals(expected, current);
    }
}
