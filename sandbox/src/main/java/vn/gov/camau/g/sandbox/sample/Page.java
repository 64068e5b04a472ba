package vn.gov.camau.g.sandbox.sample;

import java.util.List;
import vn.gov.camau.g.sandbox.http.SystemException;

/** One page of a list, newest or most relevant first, always labelled as sample data. */
public record Page<T>(List<T> items, int page, int size, int total, boolean sample, String note) {

    public static final int MAX_SIZE = 100;

    public static <T> Page<T> of(List<T> all, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw SystemException.badRequest(
                    "page phải ≥ 0 và size trong khoảng 1.." + MAX_SIZE + ".",
                    "page must be ≥ 0 and size 1.." + MAX_SIZE + ".");
        }
        int from = (int) Math.min((long) p * s, all.size());
        int to = Math.min(from + s, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), p, s, all.size(), true, Sample.NOTE);
    }
}
