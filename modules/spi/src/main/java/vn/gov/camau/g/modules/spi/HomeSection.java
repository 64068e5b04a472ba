package vn.gov.camau.g.modules.spi;

import io.smallrye.mutiny.Uni;
import java.util.Set;

/**
 * A coded system's section of the home screen. The gateway calls {@link #load} for each caller who
 * may see it, in parallel with every other section and under the home screen's time budget: a
 * section that fails or is late is shown stale or unavailable, never waited for.
 */
public interface HomeSection {

    /** The section's title in Vietnamese. */
    String titleVi();

    /** The section's title in English. */
    String titleEn();

    /** Realm roles of which the caller needs one; empty for everyone who may see the system. */
    default Set<String> roles() {
        return Set.of();
    }

    /** The section's content, as a JSON document. Per request; must not block. */
    Uni<String> load(ModuleCaller caller);
}
