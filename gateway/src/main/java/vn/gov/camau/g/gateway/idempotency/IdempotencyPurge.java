package vn.gov.camau.g.gateway.idempotency;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/** Deletes idempotency records past {@code camau.idempotency.retention}, every {@code purge-every}. */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyConfig config;

    IdempotencyPurge(IdempotencyConfig config) {
        this.config = config;
    }

    void schedule(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(config.purgeEvery().toMillis(), tick -> purgeOnOwnContext(vertx));
    }

    /** Deletes the expired records; the item is how many. */
    @WithTransaction
    public Uni<Long> purgeExpired() {
        return IdempotencyRecord.delete("createdAt < ?1", OffsetDateTime.now().minus(config.retention()));
    }

    /** Hibernate Reactive needs a safe, duplicated Vert.x context of its own; a timer has none. */
    private void purgeOnOwnContext(Vertx vertx) {
        Context purge =
                VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(purge, true);
        purge.runOnContext(ignored -> purgeExpired()
                .subscribe()
                .with(
                        deleted -> LOG.debugf("%d expired idempotency records deleted", deleted),
                        failure -> LOG.warnf("Deleting expired idempotency records failed: %s", failure.getMessage())));
    }
}
