package vn.gov.camau.g.sandbox.hoptructuyen;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import vn.gov.camau.g.sandbox.hoptructuyen.Meeting.AgencyRef;
import vn.gov.camau.g.sandbox.hoptructuyen.Meeting.Chair;
import vn.gov.camau.g.sandbox.hoptructuyen.Meeting.Participant;
import vn.gov.camau.g.sandbox.hoptructuyen.Meeting.Room;
import vn.gov.camau.g.sandbox.sample.Agencies;
import vn.gov.camau.g.sandbox.sample.Agencies.Agency;
import vn.gov.camau.g.sandbox.sample.Sample;
import vn.gov.camau.g.sandbox.sample.SampleClock;
import vn.gov.camau.g.sandbox.sample.VietnameseNames;

/**
 * The video-conference system's meetings: {@value #SEEDED} sample ones, about 8 a month (the
 * province holds 7–9 a month between its People's Committees), from eight weeks before the
 * sandbox started to seven weeks after, with one today and more this week (fixed seed).
 */
@ApplicationScoped
public class MeetingStore {

    public static final int SEEDED = 30;
    static final long SEED = 0x486F7054727563L;

    private final List<Meeting> meetings;
    private final SampleClock clock;

    public MeetingStore(SampleClock clock) {
        this.clock = clock;
        this.meetings = seed(clock.seededOn());
    }

    /** Every meeting, by start time, with its status as of now. */
    public List<Meeting> all() {
        OffsetDateTime now = clock.now();
        return meetings.stream().map(meeting -> withStatusAt(meeting, now)).toList();
    }

    public Optional<Meeting> find(String id) {
        OffsetDateTime now = clock.now();
        return meetings.stream().filter(m -> m.id().equals(id)).findFirst().map(m -> withStatusAt(m, now));
    }

    /** Whether an agency takes part: it hosts, joins, or its district joins (communes follow their district's bridge). */
    public static boolean involves(Meeting meeting, String agency) {
        Agency district = Agencies.districtOf(agency);
        return meeting.host().code().equals(agency)
                || meeting.participants().stream()
                        .anyMatch(p -> p.agencyCode().equals(agency)
                                || (district != null && p.agencyCode().equals(district.code())));
    }

    private static Meeting withStatusAt(Meeting meeting, OffsetDateTime now) {
        if ("cancelled".equals(meeting.status())) {
            return meeting;
        }
        String status = now.isBefore(meeting.startsAt())
                ? "scheduled"
                : now.isBefore(meeting.endsAt()) ? "in-progress" : "ended";
        return meeting.withStatus(status);
    }

    private static final List<String> PROVINCE_TITLES = List.of(
            "Hội nghị trực tuyến giao ban UBND tỉnh với UBND các huyện, thành phố",
            "Họp trực tuyến về công tác phòng, chống hạn hán, thiếu nước, xâm nhập mặn",
            "Hội nghị trực tuyến triển khai nhiệm vụ chuyển đổi số năm 2027",
            "Hội nghị trực tuyến về chống khai thác hải sản bất hợp pháp (IUU)",
            "Họp trực tuyến sơ kết công tác cải cách hành chính",
            "Hội nghị trực tuyến phòng, chống thiên tai và tìm kiếm cứu nạn",
            "Hội nghị trực tuyến đánh giá tình hình kinh tế - xã hội tháng",
            "Họp trực tuyến triển khai Đề án 06 trên địa bàn tỉnh");
    private static final List<String> DISTRICT_TITLES = List.of(
            "Họp trực tuyến giao ban UBND huyện với UBND các xã, thị trấn",
            "Họp trực tuyến triển khai công tác thu ngân sách cuối năm",
            "Họp trực tuyến về công tác bảo vệ đê biển và phòng, chống sạt lở",
            "Họp trực tuyến triển khai tiêm chủng mở rộng");
    private static final List<String> DEPARTMENT_TITLES = List.of(
            "Tập huấn trực tuyến sử dụng ứng dụng Cà Mau G",
            "Họp trực tuyến kiểm tra tàu cá và thiết bị giám sát hành trình",
            "Hội nghị trực tuyến hướng dẫn chữ ký số trên thiết bị di động");

    private List<Meeting> seed(LocalDate today) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Meeting> made = new ArrayList<>(SEEDED);
        LocalDate first = today.minusWeeks(8);
        int span = (int) (today.plusWeeks(7).toEpochDay() - first.toEpochDay());
        for (int i = 0; i < SEEDED; i++) {
            LocalDate day;
            if (i == 0) {
                day = today;
            } else if (i == 1) {
                day = today.plusDays(today.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
            } else if (i == 2) {
                day = today.plusDays(today.getDayOfWeek().getValue() >= 4 ? -1 : 2);
            } else {
                day = weekday(first.plusDays(random.nextInt(span)));
            }
            LocalTime start = i == 0
                    ? LocalTime.of(14, 0)
                    : Sample.pick(
                            random,
                            List.of(
                                    LocalTime.of(7, 30),
                                    LocalTime.of(8, 0),
                                    LocalTime.of(9, 0),
                                    LocalTime.of(13, 30),
                                    LocalTime.of(14, 0)));
            OffsetDateTime startsAt = day.atTime(start).atZone(SampleClock.ZONE).toOffsetDateTime();
            OffsetDateTime endsAt = startsAt.plusMinutes(90 + 30L * random.nextInt(6));
            int level = i == 0 ? 0 : Sample.weighted(random, 60, 30, 10);
            made.add(
                    switch (level) {
                        case 0 -> provinceMeeting(random, i, startsAt, endsAt);
                        case 1 -> districtMeeting(random, i, startsAt, endsAt);
                        default -> departmentMeeting(random, i, startsAt, endsAt);
                    });
        }
        if (made.size() > 5) {
            Meeting m = made.get(5);
            made.set(5, m.withStatus("cancelled"));
        }
        made.sort(Comparator.comparing(Meeting::startsAt));
        return List.copyOf(made);
    }

    private static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    private static Meeting provinceMeeting(SplittableRandom random, int i, OffsetDateTime from, OffsetDateTime to) {
        List<Participant> participants = new ArrayList<>();
        for (Agency district : Agencies.districts()) {
            participants.add(participant(district));
        }
        for (Agency department : Agencies.departments()) {
            if (random.nextInt(3) == 0) {
                participants.add(participant(department));
            }
        }
        return new Meeting(
                id(from, i),
                Sample.pick(random, PROVINCE_TITLES),
                "province",
                from,
                to,
                "scheduled",
                new Room("Phòng họp trực tuyến UBND tỉnh (điểm cầu chính)", "Trụ sở UBND tỉnh, TP Cà Mau"),
                new Chair(
                        VietnameseNames.person(random),
                        Sample.pick(random, List.of("Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh"))),
                new AgencyRef("CM", "UBND tỉnh Cà Mau"),
                List.copyOf(participants),
                joinUrl(from, i),
                true);
    }

    private static Meeting districtMeeting(SplittableRandom random, int i, OffsetDateTime from, OffsetDateTime to) {
        Agency district = Sample.pick(random, Agencies.districts());
        List<Participant> participants = new ArrayList<>();
        for (Agency commune : Agencies.communesOf(district.code())) {
            participants.add(participant(commune));
        }
        String place = district.name().replace("UBND ", "");
        return new Meeting(
                id(from, i),
                Sample.pick(random, DISTRICT_TITLES),
                "district",
                from,
                to,
                "scheduled",
                new Room("Phòng họp trực tuyến " + district.name(), "Trụ sở " + district.name() + ", " + place),
                new Chair(
                        VietnameseNames.person(random),
                        Sample.pick(random, List.of("Chủ tịch " + district.name(), "Phó Chủ tịch " + district.name()))),
                new AgencyRef(district.code(), district.name()),
                List.copyOf(participants),
                joinUrl(from, i),
                true);
    }

    private static Meeting departmentMeeting(SplittableRandom random, int i, OffsetDateTime from, OffsetDateTime to) {
        String title = Sample.pick(random, DEPARTMENT_TITLES);
        Agency host = Agencies.get(title.contains("tàu cá") ? "CM.SNNPTNT" : "CM.STTTT");
        List<Participant> participants = new ArrayList<>();
        for (Agency district : Agencies.districts()) {
            participants.add(participant(district));
        }
        return new Meeting(
                id(from, i),
                title,
                "department",
                from,
                to,
                "scheduled",
                new Room("Phòng họp trực tuyến " + host.name(), "Trụ sở " + host.name() + ", TP Cà Mau"),
                new Chair(
                        VietnameseNames.person(random),
                        Sample.pick(random, List.of("Giám đốc", "Phó Giám đốc")) + " " + host.name()),
                new AgencyRef(host.code(), host.name()),
                List.copyOf(participants),
                joinUrl(from, i),
                true);
    }

    private static Participant participant(Agency agency) {
        return new Participant(agency.code(), agency.name(), "Điểm cầu " + agency.name());
    }

    private static String id(OffsetDateTime startsAt, int i) {
        return "HOP-" + startsAt.toLocalDate().toString().replace("-", "") + "-" + String.format("%02d", i);
    }

    private static String joinUrl(OffsetDateTime startsAt, int i) {
        return "https://hop.camau.example.vn/phong/" + id(startsAt, i).toLowerCase(java.util.Locale.ROOT);
    }
}
