package vn.gov.camau.g.gateway.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A system in the catalog, as stored: its manifest (canonical JSON) and whether it is enabled. */
@Entity
@Table(name = "catalog_apps")
public class CatalogApp extends PanacheEntityBase {

    public static final String FROM_FILE = "file";
    public static final String FROM_ADMIN = "admin";

    @Id
    public String id;

    public String manifest;

    public boolean enabled;

    /** {@link #FROM_FILE} or {@link #FROM_ADMIN}: a file never overwrites an admin's change. */
    public String source;

    @Column(name = "created_version")
    public long createdVersion;

    @Column(name = "changed_version")
    public long changedVersion;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The manifest before the last change, or null when it never changed. */
    @Column(name = "previous_manifest")
    public String previousManifest;

    /** Whether it was enabled before the last change, or null when it never changed. */
    @Column(name = "previous_enabled")
    public Boolean previousEnabled;
}
