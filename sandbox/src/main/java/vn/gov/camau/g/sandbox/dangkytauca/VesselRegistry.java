package vn.gov.camau.g.sandbox.dangkytauca;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import vn.gov.camau.g.sandbox.dangkytauca.Vessel.AgencyRef;
import vn.gov.camau.g.sandbox.dangkytauca.Vessel.Licence;
import vn.gov.camau.g.sandbox.dangkytauca.Vessel.Owner;
import vn.gov.camau.g.sandbox.sample.Agencies;
import vn.gov.camau.g.sandbox.sample.Agencies.Agency;
import vn.gov.camau.g.sandbox.sample.Sample;
import vn.gov.camau.g.sandbox.sample.SampleClock;
import vn.gov.camau.g.sandbox.sample.VietnameseNames;

/**
 * The fishing vessel registry: {@value #SEEDED} sample vessels (fixed seed), most from the coastal
 * districts (Trần Văn Thời with Sông Đốc, Ngọc Hiển, Phú Tân, Năm Căn, U Minh, Đầm Dơi).
 * Licence states are computed against today, so some expire soon and a few have expired.
 */
@ApplicationScoped
public class VesselRegistry {

    public static final int SEEDED = 300;
    static final long SEED = 0x5461754361L;

    private static final List<String> DISTRICTS = List.of(
            "CM.TVT",
            "CM.NGOCHIEN",
            "CM.PHUTAN",
            "CM.NAMCAN",
            "CM.UMINH",
            "CM.DAMDOI",
            "CM.TPCM",
            "CM.CAINUOC",
            "CM.THOIBINH");
    private static final double[] DISTRICT_WEIGHTS = {30, 15, 15, 12, 10, 10, 4, 3, 1};
    private static final Map<String, String> PORTS = Map.of(
            "CM.TVT", "Cảng cá Sông Đốc",
            "CM.NGOCHIEN", "Cảng cá Rạch Gốc",
            "CM.PHUTAN", "Cảng cá Cái Đôi Vàm",
            "CM.NAMCAN", "Cảng cá Năm Căn",
            "CM.UMINH", "Cảng cá Khánh Hội",
            "CM.DAMDOI", "Bến cá Đầm Dơi",
            "CM.TPCM", "Cảng cá Cà Mau",
            "CM.CAINUOC", "Bến cá Cái Nước",
            "CM.THOIBINH", "Bến cá Thới Bình");
    private static final List<String> GEARS = List.of("Lưới kéo", "Lưới rê", "Câu", "Lưới vây", "Lồng bẫy", "Chụp mực");

    private final List<Vessel> vessels;
    private final SampleClock clock;

    public VesselRegistry(SampleClock clock) {
        this.clock = clock;
        this.vessels = seed(clock.seededOn());
    }

    /** Every vessel, with its licence state as of today, by registration number. */
    public List<Vessel> all() {
        LocalDate today = clock.today();
        return vessels.stream().map(v -> withLicenceState(v, today)).toList();
    }

    public Optional<Vessel> find(String registrationNumber) {
        LocalDate today = clock.today();
        return vessels.stream()
                .filter(v -> v.registrationNumber().equalsIgnoreCase(registrationNumber))
                .findFirst()
                .map(v -> withLicenceState(v, today));
    }

    static String licenceState(LocalDate expiresOn, LocalDate today) {
        if (expiresOn.isBefore(today)) {
            return "expired";
        }
        return expiresOn.isAfter(today.plusDays(30)) ? "valid" : "expiring";
    }

    private static Vessel withLicenceState(Vessel v, LocalDate today) {
        Licence l = v.licence();
        String state = licenceState(l.expiresOn(), today);
        String status =
                "suspended".equals(v.status()) ? "suspended" : "expired".equals(state) ? "licence-expired" : "active";
        return new Vessel(
                v.registrationNumber(),
                v.owner(),
                v.lengthMeters(),
                v.enginePowerKw(),
                v.grossTonnage(),
                v.hullMaterial(),
                v.fishingGear(),
                v.fishingZone(),
                v.homePort(),
                v.registeredDistrict(),
                v.registeredOn(),
                new Licence(l.number(), l.issuedOn(), l.expiresOn(), state),
                v.vmsInstalled(),
                status,
                v.sample());
    }

    private List<Vessel> seed(LocalDate today) {
        SplittableRandom random = new SplittableRandom(SEED);
        Set<String> numbers = new HashSet<>();
        List<Vessel> made = new ArrayList<>(SEEDED);
        for (int i = 0; i < SEEDED; i++) {
            Agency district = Agencies.get(DISTRICTS.get(Sample.weighted(random, DISTRICT_WEIGHTS)));
            Agency commune = Sample.pick(random, Agencies.communesOf(district.code()));
            int zone = Sample.weighted(random, 35, 25, 40);
            double length = switch (zone) {
                case 0 -> 6 + random.nextDouble() * 5.9;
                case 1 -> 12 + random.nextDouble() * 2.9;
                default -> 15 + random.nextDouble() * 15;
            };
            int power = switch (zone) {
                case 0 -> 15 + random.nextInt(75);
                case 1 -> 90 + random.nextInt(210);
                default -> 300 + random.nextInt(600);
            };
            String number;
            do {
                number = zone == 2
                        ? "CM-9" + String.format("%04d", random.nextInt(10_000)) + "-TS"
                        : "CM-" + String.format("%05d", random.nextInt(90_000)) + "-TS";
            } while (!numbers.add(number));
            LocalDate registered = today.minusDays(200 + random.nextInt(365 * 12));
            // Licences run a year or more; ~8% have lapsed and ~7% lapse within 30 days.
            int licenceCase = Sample.weighted(random, 85, 7, 8);
            LocalDate expires = switch (licenceCase) {
                case 0 -> today.plusDays(31 + random.nextInt(700));
                case 1 -> today.plusDays(random.nextInt(31));
                default -> today.minusDays(1 + random.nextInt(200));
            };
            LocalDate issued = expires.minusYears(zone == 2 ? 1 : 2);
            String ownerName = VietnameseNames.person(random);
            Owner owner = new Owner(
                    ownerName,
                    Sample.maskedIdNumber(random),
                    Sample.maskedPhone(random),
                    "Ấp " + (1 + random.nextInt(12)) + ", " + commune.name() + ", "
                            + district.name().replace("UBND ", "") + ", tỉnh Cà Mau",
                    commune.code());
            boolean vms = zone == 2 ? random.nextInt(100) < 96 : random.nextInt(100) < 5;
            made.add(new Vessel(
                    number,
                    owner,
                    Math.round(length * 100) / 100.0,
                    power,
                    Math.round(length * length * (zone == 2 ? 0.32 : 0.22) * 10) / 10.0,
                    Sample.pick(
                            random, zone == 2 ? List.of("Gỗ", "Gỗ", "Thép", "Composite") : List.of("Gỗ", "Composite")),
                    Sample.pick(random, GEARS),
                    Vessel.ZONES.get(zone),
                    PORTS.get(district.code()),
                    new AgencyRef(district.code(), district.name()),
                    registered,
                    new Licence(
                            String.format("%04d", 1 + i) + "/" + issued.getYear() + "/CM-GPKTTS",
                            issued,
                            expires,
                            "valid"),
                    vms,
                    random.nextInt(100) < 2 ? "suspended" : "active",
                    true));
        }
        made.sort(Comparator.comparing(Vessel::registrationNumber));
        return List.copyOf(made);
    }
}
