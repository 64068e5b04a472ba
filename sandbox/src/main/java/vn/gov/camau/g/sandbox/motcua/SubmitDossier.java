package vn.gov.camau.g.sandbox.motcua;

import java.util.List;

/**
 * A new dossier. {@code agencyCode} is required for district- and commune-level procedures (which
 * district or commune receives it) and must be the department for provincial ones, or left out.
 * Attachments travel inline (base64); the system keeps their size and SHA-256 only.
 */
public record SubmitDossier(
        String procedureCode,
        String agencyCode,
        ApplicantInput applicant,
        String channel,
        String note,
        List<AttachmentInput> attachments) {

    public record ApplicantInput(String name, String idNumber, String phone, String address) {}

    public record AttachmentInput(String name, String contentType, String contentBase64) {}
}
