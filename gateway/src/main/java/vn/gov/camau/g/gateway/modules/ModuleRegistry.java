package vn.gov.camau.g.gateway.modules;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import vn.gov.camau.g.gateway.catalog.AppManifest;
import vn.gov.camau.g.modules.spi.HomeSection;
import vn.gov.camau.g.modules.spi.ModuleAdapter;
import vn.gov.camau.g.modules.spi.ModuleDescriptor;

/**
 * Every coded adapter on the classpath, by id, built once at start-up. Two adapters with one id,
 * or settings under {@code camau.modules.<id>} for an id no adapter has (a typo, or a module left
 * out of the build), stop start-up with a message that names them.
 */
@ApplicationScoped
public class ModuleRegistry {

    private static final Logger LOG = Logger.getLogger(ModuleRegistry.class);
    private static final String SETTINGS_PREFIX = "camau.modules.";

    private final Map<String, ModuleAdapter> adapters;

    ModuleRegistry(@All List<ModuleAdapter> found, Config config) {
        this.adapters = byId(found);
        refuseSettingsOfUnknownModules(config);
        adapters.values()
                .forEach(adapter -> LOG.infof(
                        "Coded module %s: %s",
                        adapter.descriptor().id(), adapter.getClass().getName()));
    }

    public Collection<ModuleAdapter> adapters() {
        return adapters.values();
    }

    /** The coded systems as catalog entries, as if a manifest had declared them. */
    public List<AppManifest> manifests() {
        return adapters.values().stream()
                .map(adapter -> manifestOf(adapter.descriptor()))
                .toList();
    }

    public Optional<HomeSection> home(String systemId) {
        ModuleAdapter adapter = adapters.get(systemId);
        return adapter == null ? Optional.empty() : adapter.home();
    }

    static Map<String, ModuleAdapter> byId(List<ModuleAdapter> found) {
        Map<String, ModuleAdapter> byId = new LinkedHashMap<>();
        for (ModuleAdapter adapter : found) {
            String id = adapter.descriptor().id();
            ModuleAdapter earlier = byId.putIfAbsent(id, adapter);
            if (earlier != null) {
                throw new IllegalStateException("Two coded modules have the id '" + id + "': "
                        + earlier.getClass().getName() + " and "
                        + adapter.getClass().getName());
            }
        }
        return byId;
    }

    private void refuseSettingsOfUnknownModules(Config config) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(SETTINGS_PREFIX)) {
                String rest = name.substring(SETTINGS_PREFIX.length());
                String id = rest.startsWith("\"") ? rest.substring(1, rest.indexOf('"', 1)) : rest.split("\\.", 2)[0];
                if (!adapters.containsKey(id)) {
                    unknown.add(id);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Settings under camau.modules name modules that do not exist: " + unknown
                    + " (known: " + adapters.keySet() + ")");
        }
    }

    private static AppManifest manifestOf(ModuleDescriptor module) {
        return new AppManifest(
                module.id(),
                new AppManifest.Texts(module.nameVi(), module.nameEn()),
                null,
                module.sector(),
                module.ownerAgency(),
                module.level() == ModuleDescriptor.Level.CENTRAL
                        ? AppManifest.Level.CENTRAL
                        : AppManifest.Level.PROVINCIAL,
                null,
                new AppManifest.Audience(
                        AppManifest.AudienceKind.valueOf(module.audience().name()), List.of(), List.of()),
                AppManifest.Kind.valueOf(module.kind().name()),
                module.launchUrl(),
                null,
                List.of(),
                null,
                null,
                true);
    }
}
