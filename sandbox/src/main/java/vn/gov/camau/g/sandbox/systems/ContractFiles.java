package vn.gov.camau.g.sandbox.systems;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The systems' upstream contracts (openapi/upstreams), built into the jar and read once at start. */
@Startup
@ApplicationScoped
public class ContractFiles {

    private final Map<SandboxSystem, String> texts = new EnumMap<>(SandboxSystem.class);

    ContractFiles() {
        for (SandboxSystem system : SandboxSystem.values()) {
            try (InputStream in = ContractFiles.class
                    .getClassLoader()
                    .getResourceAsStream("META-INF/contracts/" + system.id() + ".yaml")) {
                if (in != null) {
                    texts.put(system, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    public Optional<String> of(SandboxSystem system) {
        return Optional.ofNullable(texts.get(system));
    }
}
