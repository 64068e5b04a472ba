package vn.gov.camau.g.sandbox.vanban;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import vn.gov.camau.g.sandbox.sample.Agencies;
import vn.gov.camau.g.sandbox.sample.Agencies.Agency;
import vn.gov.camau.g.sandbox.sample.Sample;
import vn.gov.camau.g.sandbox.sample.SampleClock;
import vn.gov.camau.g.sandbox.sample.VietnameseNames;
import vn.gov.camau.g.sandbox.vanban.IncomingDocument.Issuer;
import vn.gov.camau.g.sandbox.vanban.IncomingDocument.Recipient;
import vn.gov.camau.g.sandbox.vanban.IncomingDocument.Signer;

/**
 * The e-office system's incoming documents: {@value #SEEDED} sample ones over the 45 days before
 * the sandbox started (fixed seed), spread over every agency's inbox, with more in the demo
 * officials' agencies (CM.STTTT, CM.TVT, CM.TPCM.TACVAN), each of which has documents due today.
 * Whether a document was read is kept per inbox while the sandbox runs.
 */
@ApplicationScoped
public class DocumentStore {

    public static final int SEEDED = 500;
    static final long SEED = 0x56616E42616EL;
    static final List<String> DEMO_AGENCIES = List.of("CM.STTTT", "CM.TVT", "CM.TPCM.TACVAN");

    private final List<IncomingDocument> documents;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    public DocumentStore(SampleClock clock) {
        this.documents = seed(clock.seededOn());
    }

    /** The agency's inbox, newest first. */
    public List<IncomingDocument> inbox(String agency) {
        return documents.stream()
                .filter(document -> document.recipient().code().equals(agency))
                .map(this::withReadState)
                .toList();
    }

    public Optional<IncomingDocument> find(String agency, String id) {
        return documents.stream()
                .filter(document ->
                        document.id().equals(id) && document.recipient().code().equals(agency))
                .findFirst()
                .map(this::withReadState);
    }

    public Optional<IncomingDocument> markRead(String agency, String id) {
        Optional<IncomingDocument> found = find(agency, id);
        found.ifPresent(document -> read.add(document.id()));
        return found.map(document -> document.withRead(true));
    }

    public int size() {
        return documents.size();
    }

    private IncomingDocument withReadState(IncomingDocument document) {
        return document.withRead(read.contains(document.id()));
    }

    private record Template(String type, String prefix, String summary) {}

    private static final List<Template> TEMPLATES = List.of(
            new Template("Công văn", null, "V/v tăng cường công tác phòng, chống xâm nhập mặn mùa khô 2026–2027"),
            new Template(
                    "Công văn",
                    null,
                    "V/v triển khai thực hiện Đề án 06 về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử"),
            new Template("Công văn", null, "V/v báo cáo tình hình giải quyết thủ tục hành chính quý IV năm 2026"),
            new Template(
                    "Công văn",
                    null,
                    "V/v chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU)"),
            new Template("Công văn", null, "V/v rà soát tàu cá chưa lắp thiết bị giám sát hành trình"),
            new Template("Công văn", null, "V/v bảo đảm an toàn thông tin mạng trong dịp Tết Nguyên đán"),
            new Template("Công văn", null, "V/v cung cấp thông tin phục vụ cập nhật cơ sở dữ liệu quốc gia về dân cư"),
            new Template("Công văn", null, "V/v phòng, chống sạt lở bờ sông, bờ biển trên địa bàn tỉnh"),
            new Template("Công văn", null, "V/v hướng dẫn sử dụng chữ ký số trên thiết bị di động (SIM PKI)"),
            new Template("Công văn", null, "V/v đôn đốc tiến độ giải ngân vốn đầu tư công năm 2026"),
            new Template("Công văn", null, "V/v tăng cường sử dụng Hệ thống quản lý văn bản và điều hành đến cấp xã"),
            new Template("Công văn", null, "V/v triển khai ứng dụng Cà Mau G cho cán bộ, công chức"),
            new Template("Quyết định", "QĐ", "Quyết định ban hành Kế hoạch chuyển đổi số tỉnh Cà Mau năm 2027"),
            new Template("Quyết định", "QĐ", "Quyết định công bố danh mục thủ tục hành chính được chuẩn hóa"),
            new Template(
                    "Quyết định", "QĐ", "Quyết định kiện toàn Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn"),
            new Template("Kế hoạch", "KH", "Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia"),
            new Template("Kế hoạch", "KH", "Kế hoạch kiểm tra công tác cải cách hành chính năm 2027"),
            new Template("Kế hoạch", "KH", "Kế hoạch ứng phó với hạn hán, thiếu nước, xâm nhập mặn"),
            new Template("Thông báo", "TB", "Thông báo kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tháng"),
            new Template("Thông báo", "TB", "Thông báo lịch trực Tết và phân công nhiệm vụ"),
            new Template("Giấy mời", "GM", "Giấy mời dự hội nghị trực tuyến sơ kết công tác chuyển đổi số"),
            new Template("Giấy mời", "GM", "Giấy mời họp trực tuyến về công tác phòng, chống xâm nhập mặn"),
            new Template("Báo cáo", "BC", "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội tháng 10"),
            new Template("Báo cáo", "BC", "Báo cáo tình hình an toàn thông tin mạng 9 tháng đầu năm"),
            new Template("Tờ trình", "TTr", "Tờ trình đề nghị phê duyệt dự toán kinh phí duy trì hạ tầng số"));

    private static final List<Issuer> CENTRAL = List.of(
            new Issuer(null, "Văn phòng Chính phủ"),
            new Issuer(null, "Bộ Thông tin và Truyền thông"),
            new Issuer(null, "Bộ Nông nghiệp và Phát triển nông thôn"),
            new Issuer(null, "Bộ Tài nguyên và Môi trường"));

    private List<IncomingDocument> seed(LocalDate today) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Agency> everyAgency = Agencies.ALL;
        Map<String, Integer> numbers = new HashMap<>();
        List<IncomingDocument> made = new ArrayList<>(SEEDED);
        for (int i = 0; i < SEEDED; i++) {
            Agency recipient = i < 150 ? Agencies.get(DEMO_AGENCIES.get(i % 3)) : Sample.pick(random, everyAgency);
            Template template = Sample.pick(random, TEMPLATES);
            Issuer issuer = issuerFor(random, recipient);
            int urgency = Sample.weighted(random, 75, 17, 6, 2);
            int daysAgo = random.nextInt(10) < 3 ? random.nextInt(5) : random.nextInt(45);
            LocalDate receivedOn = today.minusDays(daysAgo);
            if (receivedOn.getDayOfWeek().getValue() >= 6) {
                receivedOn = receivedOn.minusDays(receivedOn.getDayOfWeek().getValue() - 5);
            }
            OffsetDateTime receivedAt = receivedOn
                    .atTime(LocalTime.of(7, 15).plusMinutes(random.nextInt(9 * 60 + 30)))
                    .atZone(SampleClock.ZONE)
                    .toOffsetDateTime();
            LocalDate issued = receivedOn.minusDays(random.nextInt(3));
            LocalDate due = random.nextInt(10) < 6 ? Sample.plusWorkingDays(receivedOn, 3 + random.nextInt(12)) : null;
            String abbreviation = abbreviation(issuer);
            int number = numbers.merge(abbreviation, 1 + random.nextInt(40), Integer::sum);
            String symbol = template.prefix() == null
                    ? number + "/" + abbreviation + "-"
                            + Sample.pick(random, List.of("VP", "NN", "KT", "KGVX", "NC", "XD"))
                    : number + "/" + template.prefix() + "-" + abbreviation;
            boolean seenAlready = daysAgo > 7 ? random.nextInt(10) < 9 : random.nextInt(10) < 4;
            made.add(new IncomingDocument(
                    "VBD-" + receivedOn.getYear() + "-" + String.format("%06d", 100_000 + i * 7 + random.nextInt(7)),
                    symbol,
                    template.type(),
                    template.summary(),
                    issuer,
                    new Signer(VietnameseNames.person(random), signerTitle(random, issuer)),
                    IncomingDocument.URGENCIES.get(urgency),
                    IncomingDocument.URGENCY_LABELS.get(urgency),
                    issued,
                    receivedAt,
                    due,
                    1 + random.nextInt(12),
                    seenAlready,
                    new Recipient(recipient.code(), recipient.name()),
                    true));
        }
        // Each demo inbox has two unread documents due today, one of them urgent.
        for (String agency : DEMO_AGENCIES) {
            int given = 0;
            for (int i = 0; i < made.size() && given < 2; i++) {
                IncomingDocument d = made.get(i);
                if (d.recipient().code().equals(agency)
                        && d.receivedAt().toLocalDate().isBefore(today)) {
                    int urgency = given == 0 ? 1 : 0;
                    made.set(
                            i,
                            new IncomingDocument(
                                    d.id(),
                                    d.number(),
                                    d.documentType(),
                                    d.summary(),
                                    d.issuer(),
                                    d.signer(),
                                    IncomingDocument.URGENCIES.get(urgency),
                                    IncomingDocument.URGENCY_LABELS.get(urgency),
                                    d.issuedDate(),
                                    d.receivedAt(),
                                    today,
                                    d.pages(),
                                    false,
                                    d.recipient(),
                                    true));
                    given++;
                }
            }
        }
        made.sort(Comparator.comparing(IncomingDocument::receivedAt).reversed());
        made.stream().filter(IncomingDocument::read).forEach(d -> read.add(d.id()));
        return List.copyOf(made);
    }

    private static Issuer issuerFor(SplittableRandom random, Agency recipient) {
        int kind = Sample.weighted(random, 35, 15, 30, 12, 8);
        Agency district = Agencies.districtOf(recipient.code());
        return switch (kind) {
            case 0 -> new Issuer("CM", "UBND tỉnh Cà Mau");
            case 1 -> new Issuer("CM.VPUBND", "Văn phòng UBND tỉnh");
            case 2 -> {
                Agency department = Sample.pick(random, Agencies.departments());
                yield department.code().equals(recipient.code())
                        ? new Issuer("CM", "UBND tỉnh Cà Mau")
                        : new Issuer(department.code(), department.name());
            }
            case 3 ->
                district != null && !district.code().equals(recipient.code())
                        ? new Issuer(district.code(), district.name())
                        : new Issuer("CM", "UBND tỉnh Cà Mau");
            default -> Sample.pick(random, CENTRAL);
        };
    }

    private static String abbreviation(Issuer issuer) {
        if (issuer.code() == null) {
            return switch (issuer.name()) {
                case "Văn phòng Chính phủ" -> "VPCP";
                case "Bộ Thông tin và Truyền thông" -> "BTTTT";
                case "Bộ Nông nghiệp và Phát triển nông thôn" -> "BNN";
                default -> "BTNMT";
            };
        }
        if (issuer.code().equals("CM") || Agencies.get(issuer.code()).level().equals("district")) {
            return "UBND";
        }
        if (issuer.code().equals("CM.VPUBND")) {
            return "VP";
        }
        String code = issuer.code();
        return code.substring(code.lastIndexOf('.') + 1);
    }

    private static String signerTitle(SplittableRandom random, Issuer issuer) {
        if (issuer.code() == null) {
            return Sample.pick(random, List.of("Thứ trưởng", "Chánh Văn phòng", "Vụ trưởng"));
        }
        if (issuer.code().equals("CM") || Agencies.get(issuer.code()).level().equals("district")) {
            return Sample.pick(random, List.of("Chủ tịch", "Phó Chủ tịch", "Phó Chủ tịch"));
        }
        return Sample.pick(random, List.of("Giám đốc", "Phó Giám đốc", "Chánh Văn phòng"));
    }
}
