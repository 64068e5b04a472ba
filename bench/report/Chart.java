import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws `./camau bench`'s raw results as one SVG (hand-written, no libraries): latency percentiles
 * per variant on a log scale (medians over rounds), and the home fan-out ratios when measured.
 *
 * Usage: java Chart.java RAW_TSV OUT_SVG [--title TEXT]
 *   RAW_TSV lines: round TAB variant TAB metric TAB value. Used metrics: {cpu,rate}_{p50,p90,p99,p999}_us
 *   (latency at the common rate / at 50% of nginx's saturation), fanout_{p50,p99}_ratio for
 *   variants fanout-N, fanout_target_ratio, and `label` (value: the variant's display text).
 *   Whatever is absent is left out; with nothing to draw the SVG says "no data".
 */
public final class Chart {

    private static final int WIDTH = 960;
    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int PLOT_RIGHT = WIDTH - RIGHT;

    private static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p999");
    private static final List<String> PERCENTILE_NAMES = List.of("p50", "p90", "p99", "p99.9");
    private static final List<String> PERCENTILE_COLOURS = List.of("#4e79a7", "#59a14f", "#f28e2b", "#e15759");

    /** The open-loop rates the harness records latency at, by metric prefix. */
    private record RateTag(String prefix, String heading) {
    }

    private static final List<RateTag> RATE_TAGS = List.of(
        new RateTag("cpu", "at the common rate"),
        new RateTag("rate", "at 50% of nginx"));

    private static final Pattern FANOUT_VARIANT = Pattern.compile("fanout-(\\d+)");
    private static final String P50_COLOUR = PERCENTILE_COLOURS.get(0);
    private static final String P99_COLOUR = PERCENTILE_COLOURS.get(2);
    // Six-digit colours only: some renderers misread the three-digit form.
    private static final String INK = "#222222";
    private static final String AXIS = "#444444";
    private static final String GRID = "#cccccc";
    private static final String MUTED = "#888888";
    private static final String TARGET = "#555555";

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--title"))) {
            System.err.println("usage: Chart RAW_TSV OUT_SVG [--title TEXT]");
            System.exit(2);
        }
        String title = args.length == 4 ? args[3] : "./camau bench";
        Path raw = Path.of(args[0]);
        if (!Files.isReadable(raw)) {
            System.err.println("Chart: cannot read " + raw);
            System.exit(1);
        }
        Results results = Results.read(raw);
        Files.writeString(Path.of(args[1]), render(results, title), StandardCharsets.UTF_8);
    }

    static String render(Results results, String title) {
        Svg svg = new Svg();
        svg.text(LEFT, 30, title, 18, "start", "bold", INK);
        int top = 50;
        int afterLatency = drawLatency(svg, results, top);
        int bottom = drawFanout(svg, results, afterLatency);
        if (bottom == top) {
            svg.text(WIDTH / 2.0, top + 40, "no data", 16, "middle", "normal", MUTED);
            bottom = top + 70;
        }
        return svg.document(WIDTH, bottom + 10);
    }

    // ---- (a) latency percentiles, one sub-panel per rate ----

    private static int drawLatency(Svg svg, Results results, int top) {
        List<RateTag> tags = new ArrayList<>();
        Set<String> variants = new LinkedHashSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (RateTag tag : RATE_TAGS) {
            for (String variant : results.variants()) {
                for (String percentile : PERCENTILES) {
                    Double value = results.median(variant, latencyMetric(tag, percentile));
                    // A log axis has no place for zero.
                    if (value != null && value > 0) {
                        if (!tags.contains(tag)) {
                            tags.add(tag);
                        }
                        variants.add(variant);
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                }
            }
        }
        if (tags.isEmpty()) {
            return top;
        }
        // One axis for both rates, so their bars compare at a glance.
        double lowDecade = Math.floor(Math.log10(min));
        LogAxis axis = new LogAxis(lowDecade, Math.max(Math.ceil(Math.log10(max)), lowDecade + 1));
        svg.text(LEFT, top + 18, "Latency percentiles per variant" + results.roundsNote(), 14, "start", "bold", INK);
        double legendX = PLOT_RIGHT - PERCENTILES.size() * 70;
        for (int j = 0; j < PERCENTILES.size(); j++) {
            svg.rect(legendX + j * 70, top + 8, 12, 12, PERCENTILE_COLOURS.get(j));
            svg.text(legendX + j * 70 + 16, top + 18, PERCENTILE_NAMES.get(j), 12, "start", "normal", INK);
        }
        top += 26;
        List<String> ordered = new ArrayList<>(variants);
        for (RateTag tag : tags) {
            top = drawLatencyGroups(svg, results, tag, ordered, axis, top);
        }
        return top;
    }

    private static String latencyMetric(RateTag tag, String percentile) {
        return tag.prefix() + "_" + percentile + "_us";
    }

    private record LogAxis(double lowDecade, double highDecade) {
        double y(double value, double plotTop, double plotBottom) {
            double share = (Math.log10(value) - lowDecade) / (highDecade - lowDecade);
            return plotBottom - share * (plotBottom - plotTop);
        }
    }

    private static int drawLatencyGroups(Svg svg, Results results, RateTag tag, List<String> variants, LogAxis axis,
        int top) {
        svg.text(LEFT, top + 16, tag.heading(), 13, "start", "bold", AXIS);
        // The top 16 px stay free for the values written above the tallest bars.
        double plotTop = top + 24 + 16;
        double plotBottom = top + 24 + 220;
        for (double decade = axis.lowDecade(); decade <= axis.highDecade(); decade++) {
            double y = axis.y(Math.pow(10, decade), plotTop, plotBottom);
            svg.line(LEFT, y, PLOT_RIGHT, y, GRID, 1, null);
            svg.text(LEFT - 8, y + 4, decadeLabel((int) decade), 11, "end", "normal", AXIS);
        }
        svg.line(LEFT, plotBottom, PLOT_RIGHT, plotBottom, AXIS, 1, null);

        double groupWidth = (double) (PLOT_RIGHT - LEFT) / variants.size();
        double barWidth = groupWidth * 0.8 / PERCENTILES.size();
        double valueSize = Math.max(7, Math.min(10, barWidth / 3));
        for (int i = 0; i < variants.size(); i++) {
            String variant = variants.get(i);
            double groupX = LEFT + i * groupWidth;
            boolean drawn = false;
            for (int j = 0; j < PERCENTILES.size(); j++) {
                Double value = results.median(variant, latencyMetric(tag, PERCENTILES.get(j)));
                if (value == null || value <= 0) {
                    continue;
                }
                drawn = true;
                double x = groupX + groupWidth * 0.1 + j * barWidth;
                double y = axis.y(value, plotTop, plotBottom);
                svg.rect(x + 1, y, barWidth - 2, plotBottom - y, PERCENTILE_COLOURS.get(j));
                svg.text(x + barWidth / 2, y - 3, latencyLabel(value), valueSize, "middle", "normal", INK);
            }
            if (!drawn) {
                svg.text(groupX + groupWidth / 2, (plotTop + plotBottom) / 2, "not measured", 11, "middle", "normal",
                    MUTED);
            }
            List<String> lines = wrap(results.label(variant), groupWidth - 6, 11, 3);
            for (int k = 0; k < lines.size(); k++) {
                svg.text(groupX + groupWidth / 2, plotBottom + 15 + k * 13, lines.get(k), 11, "middle", "normal",
                    INK);
            }
        }
        return (int) plotBottom + 15 + 3 * 13 + 8;
    }

    private static String decadeLabel(int decade) {
        String[] units = {"µs", "ms", "s"};
        int unit = Math.min(Math.max(decade, 0) / 3, units.length - 1);
        double value = Math.pow(10, decade - 3 * unit);
        return (value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : trim(value)) + " " + units[unit];
    }

    private static String latencyLabel(double micros) {
        if (micros < 1000) {
            return String.format(Locale.ROOT, "%.0fµs", micros);
        }
        if (micros < 10_000) {
            return String.format(Locale.ROOT, "%.1fms", micros / 1000);
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.0fms", micros / 1000);
        }
        return String.format(Locale.ROOT, "%.1fs", micros / 1_000_000);
    }

    // ---- (b) fan-out ratios ----

    private record FanoutPoint(int systems, Double p50, Double p99) {
    }

    private static int drawFanout(Svg svg, Results results, int top) {
        List<FanoutPoint> points = new ArrayList<>();
        for (String variant : results.variants()) {
            Matcher m = FANOUT_VARIANT.matcher(variant);
            if (m.matches()) {
                FanoutPoint point = new FanoutPoint(Integer.parseInt(m.group(1)),
                    results.median(variant, "fanout_p50_ratio"), results.median(variant, "fanout_p99_ratio"));
                if (point.p50() != null || point.p99() != null) {
                    points.add(point);
                }
            }
        }
        if (points.isEmpty()) {
            return top;
        }
        points.sort(Comparator.comparingInt(FanoutPoint::systems));
        Double target = results.medianOverVariants("fanout_target_ratio");

        double low = target != null ? target : Double.POSITIVE_INFINITY;
        double high = target != null ? target : Double.NEGATIVE_INFINITY;
        for (FanoutPoint p : points) {
            for (Double v : new Double[] {p.p50(), p.p99()}) {
                if (v != null) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        // 1.0 (no cost over D) stays in view as the natural baseline.
        low = Math.min(low, 1.0);
        double step = niceStep(Math.max(high - low, 0.1) / 5);
        // At least half a step of room below and above, for the values written under and over the points.
        double axisLow = Math.floor((low - step / 2) / step) * step;
        double axisHigh = Math.ceil((high + step / 2) / step) * step;

        svg.text(LEFT, top + 18, "Fan-out: /home latency ÷ D" + results.roundsNote(), 14, "start", "bold", INK);
        double legendX = PLOT_RIGHT - 3 * 90;
        legendSeries(svg, legendX, top + 14, P50_COLOUR, "p50 ÷ D");
        legendSeries(svg, legendX + 90, top + 14, P99_COLOUR, "p99 ÷ D");
        if (target != null) {
            svg.line(legendX + 180, top + 14, legendX + 200, top + 14, TARGET, 1.5, "6 4");
            svg.text(legendX + 206, top + 18, "target " + trim(target), 12, "start", "normal", INK);
        }
        double plotTop = top + 40;
        double plotBottom = top + 40 + 200;
        for (int k = 0; k <= Math.round((axisHigh - axisLow) / step); k++) {
            double tick = axisLow + k * step;
            double y = linearY(tick, axisLow, axisHigh, plotTop, plotBottom);
            svg.line(LEFT, y, PLOT_RIGHT, y, GRID, 1, null);
            svg.text(LEFT - 8, y + 4, trim(tick), 11, "end", "normal", AXIS);
        }
        svg.line(LEFT, plotBottom, PLOT_RIGHT, plotBottom, AXIS, 1, null);
        if (target != null) {
            double y = linearY(target, axisLow, axisHigh, plotTop, plotBottom);
            svg.line(LEFT, y, PLOT_RIGHT, y, TARGET, 1.5, "6 4");
        }

        double slot = (double) (PLOT_RIGHT - LEFT) / points.size();
        List<double[]> p50Line = new ArrayList<>();
        List<double[]> p99Line = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            FanoutPoint p = points.get(i);
            double x = LEFT + (i + 0.5) * slot;
            svg.text(x, plotBottom + 18, "N = " + p.systems() + (p.systems() == 1 ? " system" : " systems"), 12,
                "middle", "normal", INK);
            if (p.p50() != null) {
                p50Line.add(new double[] {x, linearY(p.p50(), axisLow, axisHigh, plotTop, plotBottom), p.p50()});
            }
            if (p.p99() != null) {
                p99Line.add(new double[] {x, linearY(p.p99(), axisLow, axisHigh, plotTop, plotBottom), p.p99()});
            }
        }
        svg.series(p50Line, P50_COLOUR);
        svg.series(p99Line, P99_COLOUR);
        // Values after the lines, so their outline masks the lines they cross; p99 sits above p50, so its
        // value goes over the point and p50's under it.
        for (double[] point : p99Line) {
            svg.haloText(point[0], point[1] - 8, String.format(Locale.ROOT, "%.2f", point[2]), 11, P99_COLOUR);
        }
        for (double[] point : p50Line) {
            svg.haloText(point[0], point[1] + 16, String.format(Locale.ROOT, "%.2f", point[2]), 11, P50_COLOUR);
        }
        return (int) plotBottom + 30;
    }

    private static void legendSeries(Svg svg, double x, double y, String colour, String name) {
        svg.line(x, y, x + 20, y, colour, 2, null);
        svg.circle(x + 10, y, 3.5, colour);
        svg.text(x + 26, y + 4, name, 12, "start", "normal", INK);
    }

    private static double linearY(double value, double low, double high, double plotTop, double plotBottom) {
        return plotBottom - (value - low) / (high - low) * (plotBottom - plotTop);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least rough. */
    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 2.5, 5}) {
            if (factor * magnitude >= rough) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A number with no trailing zeros (and no binary noise such as 1.2000000000000002). */
    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** Greedy word wrap by an estimated text width; what does not fit in maxLines is cut with "…". */
    private static List<String> wrap(String text, double width, double fontSize, int maxLines) {
        int perLine = Math.max(4, (int) (width / (fontSize * 0.58)));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            kept.set(maxLines - 1, kept.get(maxLines - 1) + "…");
            return kept;
        }
        return lines;
    }

    // ---- input ----

    static final class Results {
        /** variant → metric → one value per round, variants in the order they first appear. */
        private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        private final Map<String, String> labels = new HashMap<>();
        private final Set<String> rounds = new LinkedHashSet<>();

        static Results read(Path file) throws IOException {
            Results results = new Results();
            int skipped = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.replace("\r", "").split("\t", 4);
                if (fields.length < 4 || fields[1].isEmpty()) {
                    skipped++;
                    continue;
                }
                String variant = fields[1];
                if (fields[2].equals("label")) {
                    if (!fields[3].isBlank()) {
                        results.labels.put(variant, fields[3].strip());
                    }
                    results.values.computeIfAbsent(variant, v -> new LinkedHashMap<>());
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(fields[3].strip());
                } catch (NumberFormatException e) {
                    value = Double.NaN;
                }
                // NaN and Infinity parse as doubles but would wreck an axis.
                if (!Double.isFinite(value)) {
                    skipped++;
                    continue;
                }
                results.rounds.add(fields[0]);
                results.values.computeIfAbsent(variant, v -> new LinkedHashMap<>())
                    .computeIfAbsent(fields[2], m -> new ArrayList<>()).add(value);
            }
            if (skipped > 0) {
                System.err.println("Chart: skipped " + skipped + " malformed line(s) of " + file);
            }
            return results;
        }

        List<String> variants() {
            return new ArrayList<>(values.keySet());
        }

        String label(String variant) {
            return labels.getOrDefault(variant, variant);
        }

        /** The median over rounds, as the harness's report computes it; null when never measured. */
        Double median(String variant, String metric) {
            List<Double> samples = values.getOrDefault(variant, Map.of()).get(metric);
            return samples == null ? null : median(samples);
        }

        Double medianOverVariants(String metric) {
            List<Double> samples = new ArrayList<>();
            for (Map<String, List<Double>> metrics : values.values()) {
                samples.addAll(metrics.getOrDefault(metric, List.of()));
            }
            return samples.isEmpty() ? null : median(samples);
        }

        private static double median(List<Double> samples) {
            List<Double> sorted = samples.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        String roundsNote() {
            return rounds.size() == 1 ? " (1 round)" : " (median of " + rounds.size() + " rounds)";
        }
    }

    // ---- output ----

    static final class Svg {
        private final StringBuilder body = new StringBuilder();

        void rect(double x, double y, double width, double height, String fill) {
            body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y, Math.max(width, 0.5), Math.max(height, 0.5), fill));
        }

        void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
            body.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
                x1, y1, x2, y2, stroke, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        }

        void circle(double cx, double cy, double r, String fill) {
            body.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n",
                cx, cy, r, fill));
        }

        /** A polyline through the points (x, y, ...), each marked with a dot. */
        void series(List<double[]> points, String colour) {
            if (points.size() > 1) {
                StringBuilder coordinates = new StringBuilder();
                for (double[] p : points) {
                    coordinates.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
                }
                body.append(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    coordinates.toString().strip(), colour));
            }
            for (double[] p : points) {
                circle(p[0], p[1], 4, colour);
            }
        }

        void text(double x, double y, String text, double size, String anchor, String weight, String fill) {
            body.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, size, anchor, weight, fill, escape(text)));
        }

        /** Centred text on a white outline, legible where it crosses lines. */
        void haloText(double x, double y, String text, double size, String fill) {
            body.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" stroke=\"white\""
                    + " stroke-width=\"3\" paint-order=\"stroke\">%s</text>%n",
                x, y, size, fill, escape(text)));
        }

        String document(int width, int height) {
            return String.format(Locale.ROOT,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                    + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                    + " font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n%s</svg>%n",
                width, height, width, height, body);
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
