package vn.gov.camau.g.sandbox.motcua;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import vn.gov.camau.g.sandbox.auth.Caller;
import vn.gov.camau.g.sandbox.http.SystemException;
import vn.gov.camau.g.sandbox.motcua.Dossier.AgencyRef;
import vn.gov.camau.g.sandbox.motcua.Dossier.Applicant;
import vn.gov.camau.g.sandbox.motcua.Dossier.Attachment;
import vn.gov.camau.g.sandbox.motcua.Dossier.ProcedureRef;
import vn.gov.camau.g.sandbox.sample.Agencies;
import vn.gov.camau.g.sandbox.sample.Agencies.Agency;
import vn.gov.camau.g.sandbox.sample.Sample;
import vn.gov.camau.g.sandbox.sample.SampleClock;
import vn.gov.camau.g.sandbox.sample.VietnameseNames;

/**
 * The one-stop system's dossiers: {@value #SEEDED} sample ones laid out over the 60 days before
 * the sandbox started (fixed seed), plus what is submitted while it runs (kept in memory).
 * Citizens see the dossiers they own (by the token's {@code sub}; the demo citizens' sample
 * dossiers by their username, as their {@code sub} differs per Keycloak); officials see those
 * received by their agency or an agency under it.
 */
@ApplicationScoped
public class DossierStore {

    public static final int SEEDED = 2000;
    static final long SEED = 0x4D6F74437561L;
    private static final int MAX_IDEMPOTENCY_KEYS = 10_000;
    private static final int MAX_ATTACHMENTS = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final SampleClock clock;
    private volatile List<Stored> dossiers;
    private final Map<String, Integer> sequences = new HashMap<>();
    private final Map<String, Remembered> idempotency = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > MAX_IDEMPOTENCY_KEYS;
        }
    };

    public DossierStore(SampleClock clock) {
        this.clock = clock;
        this.dossiers = seed(clock.seededOn());
    }

    record Stored(Dossier dossier, String ownerSubject, String ownerUsername) {}

    /** The outcome of a submission: the dossier, and whether it is the first answer replayed. */
    public record Submission(Dossier dossier, boolean replayed) {}

    private record Remembered(String requestHash, Dossier dossier) {}

    public List<Dossier> visibleTo(Caller caller) {
        return dossiers.stream()
                .filter(stored -> visible(stored, caller))
                .map(Stored::dossier)
                .toList();
    }

    public Optional<Dossier> find(String code, Caller caller) {
        return dossiers.stream()
                .filter(stored -> stored.dossier().code().equals(code) && visible(stored, caller))
                .map(Stored::dossier)
                .findFirst();
    }

    public int size() {
        return dossiers.size();
    }

    static boolean visible(Stored stored, Caller caller) {
        if (caller.isOfficial()
                && Caller.covers(
                        caller.agency(), stored.dossier().receivingAgency().code())) {
            return true;
        }
        if (caller.isCitizen()) {
            return (stored.ownerSubject() != null && stored.ownerSubject().equals(caller.subject()))
                    || (stored.ownerUsername() != null && stored.ownerUsername().equals(caller.username()));
        }
        return false;
    }

    /**
     * Files a new dossier. Under an {@code Idempotency-Key} (per caller) the first answer is kept:
     * the same key with the same request gets it back, with another request a 422.
     */
    public synchronized Submission submit(
            Caller caller, String idempotencyKey, SubmitDossier request, String canonical) {
        String requestHash = sha256Hex(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String rememberedAs = idempotencyKey == null ? null : caller.subject() + "\n" + idempotencyKey;
        if (rememberedAs != null) {
            Remembered earlier = idempotency.get(rememberedAs);
            if (earlier != null) {
                if (!earlier.requestHash().equals(requestHash)) {
                    throw new SystemException(
                            422,
                            "idempotency_key_reused",
                            "Idempotency-Key này đã được dùng cho một yêu cầu khác.",
                            "This Idempotency-Key was used for another request.");
                }
                return new Submission(earlier.dossier(), true);
            }
        }
        Dossier dossier = newDossier(caller, request);
        List<Stored> next = new ArrayList<>(dossiers.size() + 1);
        next.add(new Stored(dossier, caller.subject(), null));
        next.addAll(dossiers);
        dossiers = List.copyOf(next);
        if (rememberedAs != null) {
            idempotency.put(rememberedAs, new Remembered(requestHash, dossier));
        }
        return new Submission(dossier, false);
    }

    private Dossier newDossier(Caller caller, SubmitDossier request) {
        Procedure procedure = Procedure.byCode(request.procedureCode() == null ? "" : request.procedureCode())
                .orElseThrow(() -> invalid("procedureCode không có trong danh mục thủ tục.", "Unknown procedureCode."));
        Agency agency = receivingAgency(procedure, request.agencyCode());
        SubmitDossier.ApplicantInput input = request.applicant();
        String name = input != null && input.name() != null ? input.name().strip() : caller.name();
        if (name == null || name.isEmpty() || name.length() > 100) {
            throw invalid("applicant.name phải có 1–100 ký tự.", "applicant.name must have 1–100 characters.");
        }
        String channel = request.channel() == null ? "online" : request.channel();
        if (!List.of("online", "counter", "postal").contains(channel)) {
            throw invalid("channel phải là online, counter hoặc postal.", "channel must be online, counter or postal.");
        }
        if (request.note() != null && request.note().length() > 2000) {
            throw invalid("note tối đa 2000 ký tự.", "note has at most 2000 characters.");
        }
        List<Attachment> attachments = attachments(request.attachments());
        OffsetDateTime now = clock.now();
        return new Dossier(
                nextCode(agency, now.toLocalDate()),
                new ProcedureRef(procedure.code(), procedure.name()),
                new Applicant(
                        name,
                        mask(input == null ? null : input.idNumber()),
                        mask(input == null ? null : input.phone()),
                        input == null ? null : input.address()),
                new AgencyRef(agency.code(), agency.name()),
                "received",
                channel,
                now,
                Sample.plusWorkingDays(now.toLocalDate(), procedure.processingDays()),
                null,
                attachments,
                request.note(),
                true);
    }

    private static Agency receivingAgency(Procedure procedure, String agencyCode) {
        if ("province".equals(procedure.level())) {
            if (agencyCode != null && !agencyCode.equals(procedure.agencyCode())) {
                throw invalid(
                        "Thủ tục cấp tỉnh do " + procedure.agencyCode() + " tiếp nhận.",
                        "A provincial procedure is received by " + procedure.agencyCode() + ".");
            }
            return Agencies.get(procedure.agencyCode());
        }
        Agency agency = agencyCode == null ? null : Agencies.byCode(agencyCode).orElse(null);
        if (agency == null || !agency.level().equals(procedure.level())) {
            throw invalid(
                    "agencyCode phải là mã một " + ("district".equals(procedure.level()) ? "huyện" : "xã") + ".",
                    "agencyCode must be the code of a " + procedure.level() + ".");
        }
        return agency;
    }

    private static List<Attachment> attachments(List<SubmitDossier.AttachmentInput> inputs) {
        if (inputs == null) {
            return List.of();
        }
        if (inputs.size() > MAX_ATTACHMENTS) {
            throw invalid(
                    "Tối đa " + MAX_ATTACHMENTS + " tệp đính kèm.", "At most " + MAX_ATTACHMENTS + " attachments.");
        }
        List<Attachment> result = new ArrayList<>();
        for (SubmitDossier.AttachmentInput input : inputs) {
            if (input == null || input.name() == null || input.name().isBlank() || input.contentBase64() == null) {
                throw invalid(
                        "Mỗi tệp đính kèm cần name và contentBase64.", "Each attachment needs name and contentBase64.");
            }
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(input.contentBase64());
            } catch (IllegalArgumentException notBase64) {
                throw invalid("contentBase64 không phải base64.", "contentBase64 is not base64.");
            }
            result.add(new Attachment(
                    input.name(),
                    input.contentType() == null ? "application/octet-stream" : input.contentType(),
                    content.length,
                    sha256Hex(content)));
        }
        return List.copyOf(result);
    }

    private static String mask(String value) {
        if (value == null || value.length() < 7) {
            return value;
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 6) + value.substring(value.length() - 3);
    }

    private static SystemException invalid(String vi, String en) {
        return new SystemException(400, "invalid_dossier", vi, en);
    }

    private String nextCode(Agency agency, LocalDate day) {
        String prefix = "000.00." + String.format("%02d", Agencies.ALL.indexOf(agency)) + ".H12-" + DAY.format(day);
        int sequence = sequences.merge(prefix, 1, Integer::sum);
        return prefix + "-" + String.format("%04d", sequence);
    }

    private List<Stored> seed(LocalDate today) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Agency> districts = Agencies.districts();
        List<Agency> communes = Agencies.communes();
        List<Procedure> provincial = Procedure.ofLevel("province");
        List<Procedure> district = Procedure.ofLevel("district");
        List<Procedure> commune = Procedure.ofLevel("commune");
        List<Stored> made = new ArrayList<>(SEEDED);
        for (int i = 0; i < SEEDED; i++) {
            // The province's 2021 split: province 65%, district 14%, commune 21% of dossiers.
            int level = Sample.weighted(random, 65, 14, 21);
            Procedure procedure;
            Agency agency;
            if (level == 0) {
                procedure = Sample.pick(random, provincial);
                agency = Agencies.get(procedure.agencyCode());
            } else if (level == 1) {
                procedure = district.get(Sample.weighted(random, 50, 30, 20));
                agency = Sample.pick(random, districts);
            } else {
                procedure = commune.get(Sample.weighted(random, 25, 15, 35, 10, 15));
                agency = Sample.pick(random, communes);
            }
            String channel = List.of("online", "counter", "postal").get(Sample.weighted(random, 55, 40, 5));
            // A third of them in the last week, so every inbox has work in progress.
            LocalDate receivedOn = today.minusDays(random.nextInt(10) < 3 ? random.nextInt(7) : random.nextInt(60));
            if (!"online".equals(channel)) {
                receivedOn = switch (receivedOn.getDayOfWeek()) {
                    case SATURDAY -> receivedOn.minusDays(1);
                    case SUNDAY -> receivedOn.minusDays(2);
                    default -> receivedOn;
                };
            }
            OffsetDateTime receivedAt = receivedOn
                    .atTime(LocalTime.of(7, 30).plusMinutes(random.nextInt(9 * 60)))
                    .atZone(SampleClock.ZONE)
                    .toOffsetDateTime();
            LocalDate due = Sample.plusWorkingDays(receivedOn, procedure.processingDays());
            String status;
            if (due.isBefore(today)) {
                status = List.of("resolved", "returned", "late").get(Sample.weighted(random, 967, 30, 3));
            } else if (receivedOn.equals(today)) {
                status = procedure.processingDays() <= 1 && random.nextInt(5) == 0 ? "resolved" : "received";
            } else {
                status = List.of("received", "processing", "supplement-requested", "resolved")
                        .get(Sample.weighted(random, 15, 55, 10, 20));
            }
            OffsetDateTime resolvedAt = null;
            if ("resolved".equals(status) || "returned".equals(status)) {
                LocalDate last = due.isBefore(today) ? due : today;
                long days = Math.max(0, last.toEpochDay() - receivedOn.toEpochDay());
                LocalDate resolvedOn = receivedOn.plusDays(days == 0 ? 0 : random.nextLong(days + 1));
                resolvedAt = resolvedOn.equals(receivedOn)
                        ? receivedAt.plusMinutes(30 + random.nextInt(180))
                        : resolvedOn
                                .atTime(LocalTime.of(8, 0).plusMinutes(random.nextInt(8 * 60)))
                                .atZone(SampleClock.ZONE)
                                .toOffsetDateTime();
            }
            // Where the applicant lives: anywhere for a provincial procedure, else where it is received.
            Agency home = switch (level) {
                case 0 -> Sample.pick(random, communes);
                case 1 -> Sample.pick(random, Agencies.communesOf(agency.code()));
                default -> agency;
            };
            Applicant applicant = new Applicant(
                    VietnameseNames.person(random),
                    Sample.maskedIdNumber(random),
                    Sample.maskedPhone(random),
                    address(random, home));
            Dossier dossier = new Dossier(
                    null,
                    new ProcedureRef(procedure.code(), procedure.name()),
                    applicant,
                    new AgencyRef(agency.code(), agency.name()),
                    status,
                    channel,
                    receivedAt,
                    due,
                    resolvedAt,
                    List.of(),
                    null,
                    true);
            made.add(new Stored(dossier, new UUID(random.nextLong(), random.nextLong()).toString(), null));
        }
        made.sort(Comparator.comparing(stored -> stored.dossier().receivedAt()));
        List<Stored> coded = new ArrayList<>(made.size());
        for (Stored stored : made) {
            Dossier d = stored.dossier();
            Agency agency = Agencies.get(d.receivingAgency().code());
            coded.add(new Stored(
                    withCode(d, nextCode(agency, d.receivedAt().toLocalDate())), stored.ownerSubject(), null));
        }
        giveToDemoCitizen(
                coded,
                "congdan",
                "Huỳnh Thị Tuyết Mai",
                List.of("supplement-requested", "processing", "received", "resolved", "resolved", "returned"));
        giveToDemoCitizen(coded, "congdan2", "Đỗ Hoàng Phúc", List.of("processing", "resolved", "resolved"));
        coded.sort(Comparator.comparing((Stored stored) -> stored.dossier().receivedAt())
                .reversed());
        return List.copyOf(coded);
    }

    /** The demo citizens own a few sample dossiers, one per status asked, matched by their username. */
    private static void giveToDemoCitizen(List<Stored> dossiers, String username, String name, List<String> statuses) {
        for (String status : statuses) {
            for (int i = dossiers.size() - 1; i >= 0; i--) {
                Stored stored = dossiers.get(i);
                Dossier d = stored.dossier();
                if (stored.ownerUsername() == null && d.status().equals(status)) {
                    Applicant applicant = new Applicant(
                            name,
                            d.applicant().idNumber(),
                            d.applicant().phone(),
                            d.applicant().address());
                    dossiers.set(i, new Stored(withApplicant(d, applicant), null, username));
                    break;
                }
            }
        }
    }

    private static String address(SplittableRandom random, Agency home) {
        boolean town = home.code().contains(".P") || home.code().contains(".TT");
        String hamlet = town ? "Khóm " + (1 + random.nextInt(9)) : "Ấp " + (1 + random.nextInt(12));
        Agency district = Agencies.districtOf(home.code());
        String districtName = district == null ? "" : ", " + district.name().replace("UBND ", "");
        return hamlet + ", " + home.name() + districtName + ", tỉnh Cà Mau";
    }

    private static Dossier withCode(Dossier d, String code) {
        return new Dossier(
                code,
                d.procedure(),
                d.applicant(),
                d.receivingAgency(),
                d.status(),
                d.channel(),
                d.receivedAt(),
                d.dueDate(),
                d.resolvedAt(),
                d.attachments(),
                d.note(),
                d.sample());
    }

    private static Dossier withApplicant(Dossier d, Applicant applicant) {
        return new Dossier(
                d.code(),
                d.procedure(),
                applicant,
                d.receivingAgency(),
                d.status(),
                d.channel(),
                d.receivedAt(),
                d.dueDate(),
                d.resolvedAt(),
                d.attachments(),
                d.note(),
                d.sample());
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
