package vn.gov.camau.g.gateway.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import vn.gov.camau.g.modules.spi.ModuleAdapter;
import vn.gov.camau.g.modules.spi.ModuleDescriptor;

/** The registry refuses to start on a plug-in mistake, and says which. */
class ModuleRegistryTest {

    /** A third party's adapter, as a module jar would bring it. */
    private record Adapter(String id) implements ModuleAdapter {
        @Override
        public ModuleDescriptor descriptor() {
            return new ModuleDescriptor(
                    id,
                    "Hệ thống " + id,
                    "System " + id,
                    "other",
                    "CM.STTTT",
                    ModuleDescriptor.Audience.OFFICIAL,
                    ModuleDescriptor.Kind.DIRECTORY_ONLY,
                    ModuleDescriptor.Level.PROVINCIAL,
                    null);
        }
    }

    private static Config settings(String... keys) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder();
        for (String key : keys) {
            builder.withDefaultValue(key, "x");
        }
        return builder.build();
    }

    @Test
    void twoModulesWithOneIdStopStartUpNamingBoth() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> new ModuleRegistry(List.of(new Adapter("thu-nghiem"), new Adapter("thu-nghiem")), settings()));
        assertTrue(refused.getMessage().contains("'thu-nghiem'"), refused.getMessage());
        assertTrue(refused.getMessage().contains(Adapter.class.getName()), refused.getMessage());
    }

    @Test
    void settingsForAModuleThatDoesNotExistStopStartUpNamingIt() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> new ModuleRegistry(
                        List.of(new Adapter("thu-nghiem")),
                        settings("camau.modules.thu-nghiem.url", "camau.modules.thu-nghiem-sai-chinh-ta.url")));
        assertTrue(refused.getMessage().contains("thu-nghiem-sai-chinh-ta"), refused.getMessage());
    }

    @Test
    void aMalformedIdIsRefusedByTheDescriptorItself() {
        assertThrows(IllegalArgumentException.class, () -> new Adapter("Không-Hợp-Lệ").descriptor());
    }

    @Test
    void aValidModuleBecomesACatalogEntry() {
        ModuleRegistry registry =
                new ModuleRegistry(List.of(new Adapter("thu-nghiem")), settings("camau.modules.thu-nghiem.url"));
        assertEquals("thu-nghiem", registry.manifests().get(0).id());
        assertEquals("Hệ thống thu-nghiem", registry.manifests().get(0).names().vi());
    }
}
