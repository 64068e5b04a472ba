package vn.gov.camau.g.modules.spi;

/**
 * A coded adapter for one sectoral system: what a Maven module under {@code modules/} implements
 * when a declared manifest is not enough.
 *
 * <p>Lifecycle:
 *
 * <ul>
 *   <li>An adapter is an application-scoped CDI bean in a Jandex-indexed jar; the gateway finds
 *       every adapter at start-up and builds one registry keyed by {@link ModuleDescriptor#id()}.
 *   <li>{@link #descriptor()} is called once, at start-up. A blank, malformed or duplicate id stops
 *       start-up with a message that names it.
 *   <li>Nothing here is called on a request thread that may block: anything that does I/O returns
 *       a Mutiny {@code Uni} or {@code Multi}.
 * </ul>
 */
public interface ModuleAdapter {

    /** Who this system is; read once at start-up and never changed while the gateway runs. */
    ModuleDescriptor descriptor();
}
