package vn.gov.camau.g.sandbox.http;

/** Thrown by a system's resources to answer an error in the system's own shape. */
public final class SystemException extends RuntimeException {

    private final int status;
    private final String error;
    private final String messageVi;

    public SystemException(int status, String error, String messageVi, String messageEn) {
        super(messageEn, null, false, false);
        this.status = status;
        this.error = error;
        this.messageVi = messageVi;
    }

    public static SystemException notFound(String whatVi, String whatEn) {
        return new SystemException(404, "not_found", "Không tìm thấy " + whatVi + ".", whatEn + " not found.");
    }

    public static SystemException forbidden(String whyVi, String whyEn) {
        return new SystemException(403, "forbidden", whyVi, whyEn);
    }

    public static SystemException badRequest(String whyVi, String whyEn) {
        return new SystemException(400, "bad_request", whyVi, whyEn);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String messageVi() {
        return messageVi;
    }
}
