package vn.gov.camau.g.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.gateway.support.ForgedTokens;
import vn.gov.camau.g.gateway.support.Keycloak;

/**
 * {@code ./camau up} loads the demo users on every start (a partial import that overwrites):
 * each keeps the id the development data gives it, so their stored preferences and audit rows
 * stay theirs.
 */
@QuarkusTest
class DemoAccountsTest {

    private static final Path DEV_DATA = Path.of("../sso/realm/dev/camau-dev.json");

    @Test
    void everyDemoAccountHasTheFixedIdOfTheDevelopmentData() throws IOException {
        JsonNode users = new ObjectMapper().readTree(DEV_DATA.toFile()).path("users");
        int people = 0;
        for (JsonNode user : users) {
            String username = user.path("username").asText();
            if (username.startsWith("service-account-")) {
                continue;
            }
            people++;
            assertEquals(
                    user.path("id").asText(),
                    ForgedTokens.claims(Keycloak.accessToken(username)).get("sub"),
                    username + "'s subject");
        }
        assertEquals(7, people, "demo accounts");
    }
}
