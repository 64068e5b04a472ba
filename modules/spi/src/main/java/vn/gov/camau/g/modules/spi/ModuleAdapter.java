package vn.gov.camau.g.modules.spi;

import java.util.Optional;

/**
 * A coded adapter for one sectoral system: what a Maven module under {@code modules/} implements
 * when a declared manifest is not enough (the system's answers need mapping, or several calls).
 *
 * <p>Lifecycle:
 *
 * <ul>
 *   <li>An adapter is an application-scoped CDI bean in a Jandex-indexed jar; the gateway finds
 *       every adapter at start-up and builds one registry keyed by {@link ModuleDescriptor#id()}.
 *   <li>{@link #descriptor()} and {@link #home()} are called once, at start-up. A malformed id, or
 *       an id another adapter or a manifest already uses, stops start-up with a message that names
 *       it. The descriptor puts the system in the catalog like a manifest would.
 *   <li>Per request, only what {@link #home()} returns is called, on an event-loop thread: anything
 *       that does I/O returns a Mutiny {@code Uni} and never blocks.
 * </ul>
 */
public interface ModuleAdapter {

    /** Who this system is; read once at start-up and never changed while the gateway runs. */
    ModuleDescriptor descriptor();

    /** The section this system adds to the home screen, if any; read once at start-up. */
    default Optional<HomeSection> home() {
        return Optional.empty();
    }
}
