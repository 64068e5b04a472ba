package vn.gov.camau.g.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The check that keeps the platform's credential out of answers, chunk by chunk. */
class CredentialEchoTest {

    private static final String KEY = "sandbox-quan-trac-key";

    @Test
    void findsTheCredentialSplitAcrossChunks() {
        CredentialEcho echo = new CredentialEcho(KEY);
        assertFalse(echo.foundIn(Buffer.buffer("{\"headers\":{\"x-api-key\":[\"sandbox-qu")));
        assertTrue(echo.foundIn(Buffer.buffer("an-trac-key\"]}}")));
    }

    @Test
    void findsTheCredentialSpreadOverManyOneByteChunks() {
        CredentialEcho echo = new CredentialEcho(KEY);
        String body = "prefix " + KEY + " suffix";
        boolean found = false;
        for (char c : body.toCharArray()) {
            found |= echo.foundIn(Buffer.buffer(String.valueOf(c)));
        }
        assertTrue(found);
    }

    @Test
    void anAnswerWithoutTheCredentialPasses() {
        CredentialEcho echo = new CredentialEcho(KEY);
        assertFalse(echo.foundIn(Buffer.buffer("{\"stations\":[\"sandbox-quan-trac\"]}")));
        assertFalse(echo.foundIn(Buffer.buffer("-ke y")));
        assertFalse(echo.foundIn(Buffer.buffer("")));
    }

    @Test
    void findsTheCredentialInAHeaderValueOrName() {
        assertTrue(CredentialEcho.inHeaders(MultiMap.caseInsensitiveMultiMap().add("X-Seen", "key=" + KEY), KEY));
        assertTrue(CredentialEcho.inHeaders(MultiMap.caseInsensitiveMultiMap().add("X-" + KEY, "1"), KEY));
        assertFalse(CredentialEcho.inHeaders(MultiMap.caseInsensitiveMultiMap().add("X-Seen", "none"), KEY));
    }
}
