package vn.gov.camau.g.sandbox.vanban;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An incoming document (văn bản đến) in an agency's inbox: số ký hiệu ({@code number}), trích yếu
 * ({@code summary}), cơ quan ban hành ({@code issuer}), độ khẩn ({@code urgency}), hạn xử lý
 * ({@code dueDate}, null when none was set).
 */
public record IncomingDocument(
        String id,
        String number,
        String documentType,
        String summary,
        Issuer issuer,
        Signer signer,
        String urgency,
        String urgencyLabel,
        LocalDate issuedDate,
        OffsetDateTime receivedAt,
        LocalDate dueDate,
        int pages,
        boolean read,
        Recipient recipient,
        boolean sample) {

    /** normal (Thường), urgent (Khẩn), very-urgent (Thượng khẩn), express (Hỏa tốc). */
    public static final List<String> URGENCIES = List.of("normal", "urgent", "very-urgent", "express");

    static final List<String> URGENCY_LABELS = List.of("Thường", "Khẩn", "Thượng khẩn", "Hỏa tốc");

    public IncomingDocument withRead(boolean isRead) {
        return new IncomingDocument(
                id,
                number,
                documentType,
                summary,
                issuer,
                signer,
                urgency,
                urgencyLabel,
                issuedDate,
                receivedAt,
                dueDate,
                pages,
                isRead,
                recipient,
                sample);
    }

    /** The issuing agency; {@code code} is null for a central body outside the province's tree. */
    public record Issuer(String code, String name) {}

    public record Signer(String name, String title) {}

    public record Recipient(String code, String name) {}
}
