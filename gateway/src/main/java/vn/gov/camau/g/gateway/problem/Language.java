package vn.gov.camau.g.gateway.problem;

import java.util.List;
import java.util.Locale;

/** The two languages the platform speaks; Vietnamese unless the caller prefers English. */
public enum Language {
    VI("vi"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * The language an {@code Accept-Language} header asks for: the first of vi or en in the
     * caller's order of preference, Vietnamese when it names neither or cannot be read.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 512) {
            return VI;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException unreadable) {
            return VI;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0];
            if (primary.equals("en")) {
                return EN;
            }
            if (primary.equals("vi") || primary.equals("*")) {
                return VI;
            }
        }
        return VI;
    }
}
