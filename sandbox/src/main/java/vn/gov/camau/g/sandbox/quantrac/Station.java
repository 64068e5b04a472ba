package vn.gov.camau.g.sandbox.quantrac;

import java.time.OffsetDateTime;
import java.util.List;

/** A monitoring station (trạm quan trắc tự động) sending readings over 4G, with its latest reading. */
public record Station(
        String id,
        String name,
        String river,
        String zone,
        Location location,
        String status,
        OffsetDateTime lastSeenAt,
        Thresholds thresholds,
        Reading latest,
        boolean sample) {

    /** {@code commune} and {@code district} are agency codes of the sample tree. */
    public record Location(double latitude, double longitude, String commune, String district, String address) {}

    /**
     * Alert thresholds: water level (m, national height datum) warning/danger, salinity (‰)
     * warning/danger, pH allowed range, nitrite NO₂⁻ (mg/L) maximum.
     */
    public record Thresholds(
            double waterLevelWarningM,
            double waterLevelDangerM,
            double salinityWarningPpt,
            double salinityDangerPpt,
            double phMin,
            double phMax,
            double no2MaxMgL) {}

    /** One reading; {@code alerts} names what is over its threshold (waterLevel, salinity, ph, no2). */
    public record Reading(
            OffsetDateTime at, double waterLevelM, double salinityPpt, double ph, double no2MgL, List<Alert> alerts) {}

    /** {@code level} is warning or danger. */
    public record Alert(String parameter, String level, double value, double threshold) {}
}
