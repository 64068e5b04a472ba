package vn.gov.camau.g.gateway.preferences;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/** Strong ETags made from a stored version: {@code "3"}. */
final class ETags {

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an If-Match header names: empty for {@code *} (any version). Entity tags are
     * compared as strings, strongly (RFC 9110 13.1.1): {@code "02"} or {@code "+3"} name no version
     * this server makes, and a weak {@code W/"2"} never matches. A header that names no version
     * this server could have made fails the precondition.
     */
    static Optional<Set<Long>> parseIfMatch(String header) {
        if (header.trim().equals("*")) {
            return Optional.empty();
        }
        Set<Long> versions = new HashSet<>();
        for (String candidate : header.split(",")) {
            Long version = versionOf(candidate.trim());
            if (version != null) {
                versions.add(version);
            }
        }
        if (versions.isEmpty()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
        return Optional.of(Set.copyOf(versions));
    }

    /** The version of a tag exactly as {@link #of} writes it, or null. */
    private static Long versionOf(String tag) {
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return null;
        }
        String inner = tag.substring(1, tag.length() - 1);
        if (!inner.chars().allMatch(c -> c >= '0' && c <= '9') || inner.length() > 18) {
            return null;
        }
        long version = Long.parseLong(inner);
        return of(version).equals(tag) ? version : null;
    }
}
