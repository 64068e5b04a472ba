package vn.gov.camau.g.gateway.routing;

import java.time.Duration;

/** Durations as manifests write them: {@code 800ms}, {@code 2s}, {@code 5m}. */
public final class Durations {

    private Durations() {}

    public static Duration parse(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("Not a duration: " + text);
        };
    }
}
