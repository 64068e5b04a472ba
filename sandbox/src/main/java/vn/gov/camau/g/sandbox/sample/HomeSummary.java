package vn.gov.camau.g.sandbox.sample;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a system contributes to the phone's home screen (the gateway shows it as is): a headline,
 * a few counters and a few items, in both languages where there is text.
 */
public record HomeSummary(
        String system,
        Text headline,
        List<Counter> counters,
        List<?> items,
        OffsetDateTime generatedAt,
        boolean sample,
        String note) {

    public static HomeSummary of(
            String system, Text headline, List<Counter> counters, List<?> items, OffsetDateTime now) {
        return new HomeSummary(system, headline, counters, items, now, true, Sample.NOTE);
    }

    public record Text(String vi, String en) {}

    /** "1 dossier", "3 dossiers": English needs the plural, Vietnamese does not. */
    public static String en(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    public record Counter(String key, Text label, long value) {

        public static Counter of(String key, String vi, String en, long value) {
            return new Counter(key, new Text(vi, en), value);
        }
    }
}
