package vn.gov.camau.g.sandbox.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/** What every twin's sample data shares: the label, picking helpers, working days. */
public final class Sample {

    /** Carried by every list and summary ({@code "note"}): the data are made up. */
    public static final String NOTE =
            "Dữ liệu mẫu của môi trường thử nghiệm (sandbox), không phải dữ liệu thật của tỉnh Cà Mau. / "
                    + "Sample data of the sandbox, not real data of Cà Mau province.";

    private Sample() {}

    public static <T> T pick(RandomGenerator random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** An index drawn by weight. */
    public static int weighted(RandomGenerator random, double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    public static LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }

    /** 0xxx xxx xxx with the middle hidden, as systems show a citizen's phone. */
    public static String maskedPhone(RandomGenerator random) {
        String prefix = pick(random, List.of("090", "091", "094", "097", "098", "083", "084", "085", "039", "036"));
        return prefix + "****" + String.format("%03d", random.nextInt(1000));
    }

    /** A citizen identity number (CCCD) with the middle hidden; 096 is Cà Mau's province code. */
    public static String maskedIdNumber(RandomGenerator random) {
        return "096" + "******" + String.format("%03d", random.nextInt(1000));
    }
}
