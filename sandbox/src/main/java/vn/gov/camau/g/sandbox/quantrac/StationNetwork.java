package vn.gov.camau.g.sandbox.quantrac;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.gov.camau.g.sandbox.quantrac.Station.Alert;
import vn.gov.camau.g.sandbox.quantrac.Station.Location;
import vn.gov.camau.g.sandbox.quantrac.Station.Reading;
import vn.gov.camau.g.sandbox.quantrac.Station.Thresholds;
import vn.gov.camau.g.sandbox.sample.SampleClock;

/**
 * The monitoring network: {@value #STATIONS} sample stations at real-sounding places of Cà Mau
 * (coordinates approximate), each reporting every {@value #INTERVAL_MINUTES} minutes. Readings
 * are a pure function of the station and the time (tides of 12.42 h, a daily swing, fixed-seed
 * noise), so the same instant always gives the same values and no history is stored.
 */
@ApplicationScoped
public class StationNetwork {

    public static final int STATIONS = 12;
    public static final int INTERVAL_MINUTES = 15;
    /** One station has been silent for a while: its modem is down. */
    static final String OFFLINE_STATION = "QT-CM-11";

    static final Duration OFFLINE_FOR = Duration.ofHours(5);

    private final SampleClock clock;

    public StationNetwork(SampleClock clock) {
        this.clock = clock;
    }

    /** Where a station is and how its water behaves. */
    record Site(
            String id,
            String name,
            String river,
            String zone,
            Location location,
            double meanLevel,
            double tide,
            double salinity,
            double salinitySwing,
            Thresholds thresholds) {}

    private static Thresholds freshwater() {
        return new Thresholds(1.0, 1.3, 4.0, 6.0, 6.0, 8.5, 0.05);
    }

    private static Thresholds brackish() {
        return new Thresholds(1.1, 1.4, 20.0, 25.0, 6.5, 8.5, 0.05);
    }

    private static Thresholds coastal() {
        return new Thresholds(1.2, 1.5, 30.0, 33.0, 6.5, 8.5, 0.05);
    }

    static final List<Site> SITES = List.of(
            new Site(
                    "QT-CM-01",
                    "Trạm Sông Ông Đốc – Thị trấn Sông Đốc",
                    "Sông Ông Đốc",
                    "coastal",
                    new Location(
                            9.0372,
                            104.8290,
                            "CM.TVT.TTSONGDOC",
                            "CM.TVT",
                            "Cửa sông Ông Đốc, thị trấn Sông Đốc, huyện Trần Văn Thời"),
                    0.35,
                    0.45,
                    24.0,
                    3.5,
                    coastal()),
            new Site(
                    "QT-CM-02",
                    "Trạm Sông Ông Đốc – Trần Văn Thời",
                    "Sông Ông Đốc",
                    "brackish",
                    new Location(
                            9.0840,
                            104.9720,
                            "CM.TVT.TTTRANVANTHOI",
                            "CM.TVT",
                            "Cầu Trần Văn Thời, thị trấn Trần Văn Thời"),
                    0.30,
                    0.40,
                    12.5,
                    3.0,
                    brackish()),
            new Site(
                    "QT-CM-03",
                    "Trạm Cái Nước",
                    "Sông Bảy Háp",
                    "brackish",
                    new Location(
                            8.9386,
                            105.0106,
                            "CM.CAINUOC.TTCAINUOC",
                            "CM.CAINUOC",
                            "Thị trấn Cái Nước, huyện Cái Nước"),
                    0.40,
                    0.70,
                    17.0,
                    3.5,
                    brackish()),
            new Site(
                    "QT-CM-04",
                    "Trạm Năm Căn",
                    "Sông Cửa Lớn",
                    "coastal",
                    new Location(
                            8.7600, 104.9890, "CM.NAMCAN.TTNAMCAN", "CM.NAMCAN", "Thị trấn Năm Căn, bờ sông Cửa Lớn"),
                    0.45,
                    1.00,
                    27.0,
                    3.0,
                    coastal()),
            new Site(
                    "QT-CM-05",
                    "Trạm Tắc Vân",
                    "Sông Gành Hào",
                    "freshwater",
                    new Location(9.2140, 105.2050, "CM.TPCM.TACVAN", "CM.TPCM", "Cống Tắc Vân, xã Tắc Vân, TP Cà Mau"),
                    0.40,
                    0.75,
                    3.6,
                    1.4,
                    freshwater()),
            new Site(
                    "QT-CM-06",
                    "Trạm Phường 5 – Sông Gành Hào",
                    "Sông Gành Hào",
                    "freshwater",
                    new Location(9.1769, 105.1524, "CM.TPCM.P5", "CM.TPCM", "Bến Phường 5, TP Cà Mau"),
                    0.42,
                    0.80,
                    3.0,
                    1.2,
                    freshwater()),
            new Site(
                    "QT-CM-07",
                    "Trạm Đầm Dơi",
                    "Sông Đầm Dơi",
                    "brackish",
                    new Location(
                            8.9960, 105.1950, "CM.DAMDOI.TTDAMDOI", "CM.DAMDOI", "Thị trấn Đầm Dơi, huyện Đầm Dơi"),
                    0.45,
                    0.95,
                    19.5,
                    3.5,
                    brackish()),
            new Site(
                    "QT-CM-08",
                    "Trạm Rạch Gốc",
                    "Sông Rạch Gốc",
                    "coastal",
                    new Location(
                            8.6450,
                            105.0480,
                            "CM.NGOCHIEN.TTRACHGOC",
                            "CM.NGOCHIEN",
                            "Thị trấn Rạch Gốc, huyện Ngọc Hiển"),
                    0.50,
                    1.10,
                    28.5,
                    2.5,
                    coastal()),
            new Site(
                    "QT-CM-09",
                    "Trạm Cái Đôi Vàm",
                    "Sông Cái Đôi",
                    "brackish",
                    new Location(
                            8.8630,
                            104.8200,
                            "CM.PHUTAN.TTCAIDOIVAM",
                            "CM.PHUTAN",
                            "Thị trấn Cái Đôi Vàm, huyện Phú Tân"),
                    0.35,
                    0.45,
                    21.0,
                    3.0,
                    brackish()),
            new Site(
                    "QT-CM-10",
                    "Trạm Khánh Hội",
                    "Sông Khánh Hội",
                    "brackish",
                    new Location(9.3360, 104.8370, "CM.UMINH.KHANHHOI", "CM.UMINH", "Cửa biển Khánh Hội, huyện U Minh"),
                    0.30,
                    0.40,
                    18.0,
                    3.0,
                    brackish()),
            new Site(
                    "QT-CM-11",
                    "Trạm Đất Mũi",
                    "Rạch Tàu",
                    "coastal",
                    new Location(8.6050, 104.7300, "CM.NGOCHIEN.DATMUI", "CM.NGOCHIEN", "Xã Đất Mũi, huyện Ngọc Hiển"),
                    0.45,
                    0.90,
                    30.5,
                    2.0,
                    coastal()),
            new Site(
                    "QT-CM-12",
                    "Trạm Thới Bình",
                    "Sông Trẹm",
                    "freshwater",
                    new Location(
                            9.3490,
                            105.0870,
                            "CM.THOIBINH.TTTHOIBINH",
                            "CM.THOIBINH",
                            "Thị trấn Thới Bình, huyện Thới Bình"),
                    0.25,
                    0.30,
                    2.2,
                    1.0,
                    freshwater()));

    public List<Station> stations() {
        OffsetDateTime now = clock.now();
        return SITES.stream().map(site -> station(site, now)).toList();
    }

    public Optional<Station> station(String id) {
        OffsetDateTime now = clock.now();
        return SITES.stream().filter(site -> site.id().equals(id)).findFirst().map(site -> station(site, now));
    }

    /** The readings of the last {@code hours} hours, oldest first (none while the station is silent). */
    public Optional<List<Reading>> readings(String id, int hours) {
        OffsetDateTime now = clock.now();
        return SITES.stream().filter(site -> site.id().equals(id)).findFirst().map(site -> {
            OffsetDateTime last = lastReadingAt(site, now);
            List<Reading> result = new ArrayList<>();
            for (OffsetDateTime at = slot(now.minusHours(hours)).plusMinutes(INTERVAL_MINUTES);
                    !at.isAfter(last);
                    at = at.plusMinutes(INTERVAL_MINUTES)) {
                result.add(reading(site, at));
            }
            return List.copyOf(result);
        });
    }

    private Station station(Site site, OffsetDateTime now) {
        OffsetDateTime last = lastReadingAt(site, now);
        boolean offline = site.id().equals(OFFLINE_STATION);
        return new Station(
                site.id(),
                site.name(),
                site.river(),
                site.zone(),
                site.location(),
                offline ? "offline" : "online",
                last,
                site.thresholds(),
                reading(site, last),
                true);
    }

    private static OffsetDateTime lastReadingAt(Site site, OffsetDateTime now) {
        OffsetDateTime last = slot(now);
        return site.id().equals(OFFLINE_STATION) ? slot(now.minus(OFFLINE_FOR)) : last;
    }

    private static OffsetDateTime slot(OffsetDateTime at) {
        OffsetDateTime minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.minusMinutes(minute.getMinute() % INTERVAL_MINUTES);
    }

    static Reading reading(Site site, OffsetDateTime at) {
        long epochMinute = at.toEpochSecond() / 60;
        double hours = epochMinute / 60.0;
        int index = SITES.indexOf(site);
        double tidePhase = 2 * Math.PI * (hours / 12.42) + index * 0.7;
        double tide = Math.sin(tidePhase);
        double day = Math.sin(2 * Math.PI * (hours / 24.0) - Math.PI / 2);
        double level = site.meanLevel() + site.tide() * tide + 0.04 * noise(index, epochMinute, 1);
        double salinity =
                Math.max(0.1, site.salinity() + site.salinitySwing() * tide * 0.8 + 0.3 * noise(index, epochMinute, 2));
        double ph = 7.5
                + 0.25 * day
                + 0.15 * noise(index, epochMinute, 3)
                - (site.zone().equals("freshwater") ? 0.3 : 0.0);
        double no2 = Math.max(
                0.001, 0.022 + 0.012 * day + 0.018 * noise(index, epochMinute / 60, 4) + (index == 5 ? 0.02 : 0.0));
        Thresholds t = site.thresholds();
        List<Alert> alerts = new ArrayList<>();
        if (level >= t.waterLevelDangerM()) {
            alerts.add(new Alert("waterLevel", "danger", round(level, 2), t.waterLevelDangerM()));
        } else if (level >= t.waterLevelWarningM()) {
            alerts.add(new Alert("waterLevel", "warning", round(level, 2), t.waterLevelWarningM()));
        }
        if (salinity >= t.salinityDangerPpt()) {
            alerts.add(new Alert("salinity", "danger", round(salinity, 1), t.salinityDangerPpt()));
        } else if (salinity >= t.salinityWarningPpt()) {
            alerts.add(new Alert("salinity", "warning", round(salinity, 1), t.salinityWarningPpt()));
        }
        if (ph < t.phMin() || ph > t.phMax()) {
            alerts.add(new Alert("ph", "warning", round(ph, 2), ph < t.phMin() ? t.phMin() : t.phMax()));
        }
        if (no2 > t.no2MaxMgL()) {
            alerts.add(new Alert("no2", "warning", round(no2, 3), t.no2MaxMgL()));
        }
        return new Reading(at, round(level, 2), round(salinity, 1), round(ph, 2), round(no2, 3), List.copyOf(alerts));
    }

    /** Fixed-seed noise in [-1, 1] for a station, a moment and a parameter. */
    private static double noise(int station, long moment, int parameter) {
        long x = station * 0x9E3779B97F4A7C15L + moment * 0xBF58476D1CE4E5B9L + parameter * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        x *= 0xD6E8FEB86659FD93L;
        x ^= x >>> 32;
        return ((x >>> 11) / (double) (1L << 53)) * 2 - 1;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
