package vn.gov.camau.g.sandbox.motcua;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A dossier (hồ sơ) as the one-stop system shows it. */
public record Dossier(
        String code,
        ProcedureRef procedure,
        Applicant applicant,
        AgencyRef receivingAgency,
        String status,
        String channel,
        OffsetDateTime receivedAt,
        LocalDate dueDate,
        OffsetDateTime resolvedAt,
        List<Attachment> attachments,
        String note,
        boolean sample) {

    /** received, processing, supplement-requested, resolved, returned, late. */
    public static final List<String> STATUSES =
            List.of("received", "processing", "supplement-requested", "resolved", "returned", "late");

    public boolean open() {
        return !"resolved".equals(status) && !"returned".equals(status);
    }

    public record ProcedureRef(String code, String name) {}

    public record Applicant(String name, String idNumber, String phone, String address) {}

    public record AgencyRef(String code, String name) {}

    /** What was attached: the system keeps its name, type, size and SHA-256 (the sandbox keeps no content). */
    public record Attachment(String name, String contentType, long size, String sha256) {}
}
