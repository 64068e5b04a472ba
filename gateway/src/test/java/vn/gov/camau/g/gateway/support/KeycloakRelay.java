package vn.gov.camau.g.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay in front of the real Keycloak that a test can cut, the way an outage or a network
 * partition cuts Keycloak off from the gateway. The gateway under test knows Keycloak only through it.
 */
public class KeycloakRelay implements QuarkusTestResourceLifecycleManager {

    private static volatile boolean cut;
    private static final Set<NetSocket> OPEN = ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    /** From now on Keycloak cannot be reached: open connections are closed, new ones refused. */
    public static void cut() {
        cut = true;
        OPEN.forEach(NetSocket::close);
    }

    public static void restore() {
        cut = false;
    }

    @Override
    public Map<String, String> start() {
        URI keycloak = URI.create(System.getenv().getOrDefault("CAMAU_KEYCLOAK_URL", "http://localhost:8180"));
        vertx = Vertx.vertx();
        NetClient client = vertx.createNetClient();
        NetServer relay = vertx.createNetServer().connectHandler(caller -> {
            if (cut) {
                caller.close();
                return;
            }
            caller.pause();
            OPEN.add(caller);
            caller.closeHandler(closed -> OPEN.remove(caller));
            client.connect(keycloak.getPort(), keycloak.getHost()).onComplete(connected -> {
                if (connected.failed()) {
                    caller.close();
                    return;
                }
                NetSocket upstream = connected.result();
                OPEN.add(upstream);
                upstream.closeHandler(closed -> {
                    OPEN.remove(upstream);
                    caller.close();
                });
                caller.closeHandler(closed -> {
                    OPEN.remove(caller);
                    upstream.close();
                });
                caller.pipeTo(upstream);
                upstream.pipeTo(caller);
                caller.resume();
            });
        });
        int port;
        try {
            port = relay.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception failed) {
            throw new IllegalStateException("The Keycloak relay did not start", failed);
        }
        return Map.of("quarkus.oidc.auth-server-url", "http://localhost:" + port + "/realms/camau");
    }

    @Override
    public void stop() {
        cut = false;
        if (vertx != null) {
            vertx.close();
        }
    }
}
