package vn.gov.camau.g.gateway.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** The first successful outcome of a write sent with an Idempotency-Key, replayed to its retries. */
@Entity
@Table(name = "idempotency_records")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    /** Which write the key was used for (for example {@code preferences.replace}). */
    public String operation;

    /** SHA-256 of the request as first sent; a retry must send the same. */
    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "response_status")
    public short responseStatus;

    @Column(name = "response_etag")
    public String responseEtag;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Keys belong to one person: another user's key of the same value is another record. */
    @Embeddable
    public record Key(
            String subject,
            @Column(name = "idempotency_key") String idempotencyKey) implements Serializable {}
}
