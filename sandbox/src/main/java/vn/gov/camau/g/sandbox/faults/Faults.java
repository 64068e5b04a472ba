package vn.gov.camau.g.sandbox.faults;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import vn.gov.camau.g.sandbox.systems.SandboxConfig;
import vn.gov.camau.g.sandbox.systems.SandboxSystem;
import vn.gov.camau.g.sandbox.systems.Systems;

/** The current fault settings of every system, changed at run time through {@code /_sandbox}. */
@ApplicationScoped
public class Faults {

    private final Map<SandboxSystem, State> states = new EnumMap<>(SandboxSystem.class);
    private final Map<SandboxSystem, FaultSettings> baselines = new EnumMap<>(SandboxSystem.class);

    Faults(Systems systems) {
        boolean realistic = systems.config().latencyProfile() == SandboxConfig.LatencyProfile.realistic;
        for (SandboxSystem system : SandboxSystem.values()) {
            FaultSettings baseline = realistic ? realisticBaseline(system) : FaultSettings.NONE;
            baselines.put(system, baseline);
            states.put(system, new State(baseline));
        }
    }

    /** A government system on a provincial network: a base latency and some jitter, no errors. */
    static FaultSettings realisticBaseline(SandboxSystem system) {
        return switch (system) {
            case MOT_CUA -> new FaultSettings(180, 120, 0.0, 503, false, false);
            case VAN_BAN -> new FaultSettings(120, 80, 0.0, 503, false, false);
            case HOP_TRUC_TUYEN -> new FaultSettings(60, 40, 0.0, 503, false, false);
            case QUAN_TRAC_MOI_TRUONG -> new FaultSettings(250, 250, 0.0, 503, false, false);
            case DANG_KY_TAU_CA -> new FaultSettings(150, 100, 0.0, 503, false, false);
        };
    }

    public FaultSettings settings(SandboxSystem system) {
        return state(system).settings;
    }

    public FaultSettings baseline(SandboxSystem system) {
        return baselines.get(system);
    }

    public void set(SandboxSystem system, FaultSettings settings) {
        synchronized (states) {
            states.put(system, new State(settings));
        }
    }

    public void reset(SandboxSystem system) {
        set(system, baselines.get(system));
    }

    /** The delay to add to this call. */
    public long delayMs(SandboxSystem system) {
        FaultSettings settings = settings(system);
        long jitter = settings.jitterMs() > 0 ? ThreadLocalRandom.current().nextLong(settings.jitterMs() + 1) : 0;
        return settings.latencyMs() + jitter;
    }

    /** Counts this call and says whether it is one of the errorRate share to fail. */
    public boolean nextCallFails(SandboxSystem system) {
        return state(system).nextCallFails();
    }

    private State state(SandboxSystem system) {
        synchronized (states) {
            return states.get(system);
        }
    }

    private static final class State {
        final FaultSettings settings;
        private long calls;

        State(FaultSettings settings) {
            this.settings = settings;
        }

        synchronized boolean nextCallFails() {
            double rate = settings.errorRate();
            if (rate <= 0.0) {
                return false;
            }
            long before = (long) Math.ceil(calls * rate - 1e-9);
            calls++;
            long after = (long) Math.ceil(calls * rate - 1e-9);
            return after > before;
        }
    }
}
