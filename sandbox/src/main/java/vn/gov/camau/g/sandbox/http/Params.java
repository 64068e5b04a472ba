package vn.gov.camau.g.sandbox.http;

import io.vertx.ext.web.RoutingContext;
import java.text.Normalizer;
import java.util.Locale;
import vn.gov.camau.g.sandbox.auth.Caller;

/** Small helpers the systems' resources share: the caller, whole-number parameters, search text. */
public final class Params {

    private Params() {}

    public static Caller caller(RoutingContext ctx) {
        Caller caller = SystemGate.caller(ctx);
        if (caller == null) {
            throw new IllegalStateException("No caller: the gate did not run for " + ctx.normalizedPath());
        }
        return caller;
    }

    public static Integer wholeNumber(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException notANumber) {
            throw SystemException.badRequest(name + " phải là số nguyên.", name + " must be a whole number.");
        }
    }

    /** Lower case without diacritics (đ → d): "Nguyễn" matches "nguyen". */
    public static String folded(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
