package vn.gov.camau.g.gateway.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change to the catalog: who, when, what it was before and after. Never updated. */
@Entity
@Table(name = "catalog_audit")
public class CatalogAuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_id")
    public String appId;

    public String action;

    public String actor;

    public String before;

    public String after;

    @Column(name = "enabled_before")
    public Boolean enabledBefore;

    @Column(name = "enabled_after")
    public Boolean enabledAfter;

    public OffsetDateTime at;
}
