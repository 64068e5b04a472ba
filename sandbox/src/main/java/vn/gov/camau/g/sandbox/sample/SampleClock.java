package vn.gov.camau.g.sandbox.sample;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The province's clock. Sample data is laid out around the day the sandbox starts (so "today"
 * always has meetings, documents due and fresh readings); with the fixed seeds, the same day
 * gives the same data.
 */
@ApplicationScoped
public class SampleClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final LocalDate seededOn = LocalDate.now(ZONE);

    /** The day the sample data is laid out around. */
    public LocalDate seededOn() {
        return seededOn;
    }

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS);
    }
}
