package vn.gov.camau.g.gateway.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The four levels of the province's administration (SEED-FACTS: province, district, commune, central-vertical). */
public enum AgencyLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    CENTRAL;

    static Optional<AgencyLevel> parse(String claim) {
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(claim.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
