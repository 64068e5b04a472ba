package vn.gov.camau.g.gateway.problem;

/**
 * Every kind of error the gateway answers with, as a stable RFC 9457 {@code type} URI and a title
 * in Vietnamese and English. Clients branch on {@link #uri()}; the titles are for people.
 */
public enum ProblemType {
    MALFORMED_REQUEST(
            400,
            "malformed-request",
            "Yêu cầu không hợp lệ",
            "Malformed request",
            new Localized(
                    "Yêu cầu không đúng định dạng mà API chấp nhận.",
                    "The request is not in a form this API accepts.")),
    MALFORMED_JSON(
            400,
            "malformed-json",
            "Nội dung JSON không hợp lệ",
            "Malformed JSON body",
            new Localized("Nội dung gửi lên không phải JSON hợp lệ.", "The request body is not valid JSON.")),
    VALIDATION_FAILED(
            400,
            "validation-failed",
            "Dữ liệu không hợp lệ",
            "Validation failed",
            new Localized(
                    "Một số trường không hợp lệ; xem danh sách lỗi.",
                    "Some fields are invalid; see the list of errors.")),
    UNAUTHORIZED(
            401,
            "unauthorized",
            "Chưa xác thực",
            "Authentication required",
            new Localized(
                    "Cần đăng nhập và gửi mã truy cập (Bearer) để dùng chức năng này.",
                    "Sign in and send a Bearer access token to use this.")),
    INVALID_TOKEN(
            401,
            "invalid-token",
            "Mã truy cập không hợp lệ",
            "Invalid access token",
            new Localized(
                    "Mã truy cập không hợp lệ, đã hết hạn hoặc không dành cho Cà Mau G.",
                    "The access token is invalid, expired or not meant for Cà Mau G.")),
    FORBIDDEN(
            403,
            "forbidden",
            "Không có quyền truy cập",
            "Access denied",
            new Localized("Tài khoản của bạn không có quyền thực hiện thao tác này.", "Your account may not do this.")),
    NOT_FOUND(
            404,
            "not-found",
            "Không tìm thấy",
            "Not found",
            new Localized("Không có tài nguyên nào ở địa chỉ này.", "There is nothing at this address.")),
    METHOD_NOT_ALLOWED(
            405,
            "method-not-allowed",
            "Phương thức không được hỗ trợ",
            "Method not allowed",
            new Localized(
                    "Địa chỉ này không hỗ trợ phương thức HTTP đã dùng.",
                    "This address does not support the HTTP method used.")),
    NOT_ACCEPTABLE(
            406,
            "not-acceptable",
            "Định dạng phản hồi không được hỗ trợ",
            "Not acceptable",
            new Localized("API chỉ trả về application/json.", "This API answers in application/json only.")),
    CONFLICT(
            409,
            "conflict",
            "Xung đột dữ liệu",
            "Conflict",
            new Localized("Yêu cầu xung đột với dữ liệu hiện có.", "The request conflicts with what exists.")),
    LENGTH_REQUIRED(
            411,
            "length-required",
            "Thiếu độ dài nội dung",
            "Length required",
            new Localized(
                    "Hãy gửi nội dung kèm tiêu đề Content-Length.", "Send the body with a Content-Length header.")),
    PRECONDITION_FAILED(
            412,
            "precondition-failed",
            "Dữ liệu đã bị thay đổi",
            "Precondition failed",
            new Localized(
                    "Dữ liệu đã được thay đổi từ thiết bị khác; hãy tải lại rồi thử lại.",
                    "The data was changed elsewhere; reload it and try again.")),
    PAYLOAD_TOO_LARGE(
            413,
            "payload-too-large",
            "Nội dung gửi lên quá lớn",
            "Payload too large",
            new Localized("Nội dung gửi lên vượt quá giới hạn cho phép.", "The request body is larger than allowed.")),
    UNSUPPORTED_MEDIA_TYPE(
            415,
            "unsupported-media-type",
            "Kiểu nội dung không được hỗ trợ",
            "Unsupported media type",
            new Localized("Hãy gửi nội dung dạng application/json.", "Send the body as application/json.")),
    URI_TOO_LONG(
            414,
            "uri-too-long",
            "Địa chỉ yêu cầu quá dài",
            "URI too long",
            new Localized("Đường dẫn của yêu cầu quá dài.", "The request path is too long.")),
    IDEMPOTENCY_KEY_REUSED(
            422,
            "idempotency-key-reused",
            "Idempotency-Key đã được dùng cho yêu cầu khác",
            "Idempotency-Key reused",
            new Localized(
                    "Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.",
                    "This Idempotency-Key was already used for a request with a different body.")),
    QUOTA_EXCEEDED(
            429,
            "quota-exceeded",
            "Vượt quá hạn mức gọi",
            "Quota exceeded",
            new Localized(
                    "Ứng dụng đã dùng hết hạn mức gọi hệ thống này; hãy thử lại sau Retry-After giây.",
                    "The application has used up its quota for this system; try again after Retry-After seconds.")),
    PRECONDITION_REQUIRED(
            428,
            "precondition-required",
            "Thiếu điều kiện If-Match",
            "Precondition required",
            new Localized(
                    "Hãy gửi kèm If-Match với ETag đã nhận để tránh ghi đè thay đổi từ thiết bị khác.",
                    "Send If-Match with the ETag you received, so changes made elsewhere are not overwritten.")),
    HEADERS_TOO_LARGE(
            431,
            "headers-too-large",
            "Phần đầu yêu cầu quá lớn",
            "Request header fields too large",
            new Localized("Phần đầu (header) của yêu cầu quá lớn.", "The request headers are too large.")),
    INTERNAL_ERROR(
            500,
            "internal-error",
            "Lỗi hệ thống",
            "Internal error",
            new Localized(
                    "Đã có lỗi không mong muốn. Hãy thử lại sau và báo mã yêu cầu nếu lỗi lặp lại.",
                    "Something unexpected went wrong. Try again later, and quote the request id if it persists.")),
    HTTP_VERSION_NOT_SUPPORTED(
            505,
            "http-version-not-supported",
            "Phiên bản HTTP không được hỗ trợ",
            "HTTP version not supported",
            new Localized(
                    "Cà Mau G chỉ nhận HTTP/1.0, HTTP/1.1 và HTTP/2.",
                    "Cà Mau G speaks HTTP/1.0, HTTP/1.1 and HTTP/2 only.")),
    UPSTREAM_ERROR(
            502,
            "upstream-error",
            "Hệ thống chuyên ngành gặp lỗi",
            "The sectoral system failed",
            new Localized(
                    "Hệ thống chuyên ngành không trả lời được yêu cầu; hãy thử lại sau.",
                    "The sectoral system could not answer; try again later.")),
    SIGN_ON_REFUSED(
            502,
            "sign-on-refused",
            "Không đăng nhập một lần được vào hệ thống",
            "Single sign-on to the system was refused",
            new Localized(
                    "Máy chủ xác thực không cấp mã truy cập cho hệ thống này.",
                    "The sign-on server did not issue a token for this system.")),
    UPSTREAM_UNAVAILABLE(
            503,
            "upstream-unavailable",
            "Hệ thống chuyên ngành tạm ngừng",
            "The sectoral system is unavailable",
            new Localized(
                    "Hệ thống chuyên ngành đang tạm ngừng hoặc quá tải; hãy thử lại sau Retry-After giây.",
                    "The sectoral system is down or overloaded; try again after Retry-After seconds.")),
    UPSTREAM_TIMEOUT(
            504,
            "upstream-timeout",
            "Hệ thống chuyên ngành trả lời quá chậm",
            "The sectoral system timed out",
            new Localized(
                    "Hệ thống chuyên ngành không trả lời kịp thời hạn.",
                    "The sectoral system did not answer within its deadline.")),
    SERVICE_UNAVAILABLE(
            503,
            "service-unavailable",
            "Dịch vụ tạm thời không khả dụng",
            "Service unavailable",
            new Localized(
                    "Dịch vụ tạm thời không khả dụng; hãy thử lại sau.",
                    "The service is temporarily unavailable; try again later."));

    /** Where the problem types are documented; the URIs are identifiers, stable across releases. */
    public static final String BASE_URI = "https://g.camau.gov.vn/problems/";

    private final int status;
    private final String slug;
    private final Localized title;
    private final Localized detail;

    ProblemType(int status, String slug, String titleVi, String titleEn, Localized detail) {
        this.status = status;
        this.slug = slug;
        this.title = new Localized(titleVi, titleEn);
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE_URI + slug;
    }

    public Localized title() {
        return title;
    }

    /** What to tell the caller when nothing more specific is known. */
    public Localized defaultDetail() {
        return detail;
    }

    /** The most specific type for an HTTP status that has no more specific cause. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
