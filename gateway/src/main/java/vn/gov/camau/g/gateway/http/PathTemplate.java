package vn.gov.camau.g.gateway.http;

import java.util.regex.Pattern;

/** A path template such as {@code /dossiers/{id}}: each {@code {name}} matches one path segment. */
public final class PathTemplate {

    private PathTemplate() {}

    public static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            regex.append(Pattern.quote(template.substring(at, open))).append("[^/]+");
            at = template.indexOf('}', open) + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
