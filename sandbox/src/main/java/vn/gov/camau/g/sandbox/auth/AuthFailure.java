package vn.gov.camau.g.sandbox.auth;

/** Why a call was refused before it reached a route: 401 (who are you?) or 503 (keys unavailable). */
public final class AuthFailure extends RuntimeException {

    private final int status;
    private final String error;
    private final String messageVi;
    private final String challenge;

    public AuthFailure(int status, String error, String messageVi, String messageEn, String challenge) {
        super(messageEn, null, false, false);
        this.status = status;
        this.error = error;
        this.messageVi = messageVi;
        this.challenge = challenge;
    }

    public static AuthFailure missingToken() {
        return new AuthFailure(
                401,
                "unauthorized",
                "Thiếu access token (Authorization: Bearer …).",
                "No access token (Authorization: Bearer …).",
                "");
    }

    public static AuthFailure invalidToken(String why) {
        return new AuthFailure(
                401,
                "invalid_token",
                "Access token không hợp lệ: " + why,
                "The access token is not valid: " + why,
                "error=\"invalid_token\"");
    }

    public static AuthFailure badApiKey(String header) {
        return new AuthFailure(
                401,
                "invalid_api_key",
                "Thiếu hoặc sai khóa API (" + header + ").",
                "Missing or wrong API key (" + header + ").",
                null);
    }

    public static AuthFailure keysUnavailable() {
        return new AuthFailure(
                503,
                "temporarily_unavailable",
                "Chưa tải được khóa xác thực của máy chủ định danh; thử lại sau.",
                "The identity provider's signing keys could not be loaded yet; try again later.",
                null);
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

    public String messageEn() {
        return getMessage();
    }

    /** For a Bearer challenge, its parameters after the realm ("" for none); null when no challenge applies. */
    public String challenge() {
        return challenge;
    }
}
