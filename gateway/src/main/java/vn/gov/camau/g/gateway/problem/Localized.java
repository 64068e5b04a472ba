package vn.gov.camau.g.gateway.problem;

/** A text in both of the platform's languages. */
public record Localized(String vi, String en) {

    public String in(Language language) {
        return language == Language.EN ? en : vi;
    }
}
