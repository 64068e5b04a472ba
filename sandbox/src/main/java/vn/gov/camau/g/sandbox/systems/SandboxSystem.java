package vn.gov.camau.g.sandbox.systems;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The five sectoral systems the sandbox twins, each served under {@code /<id>}. */
public enum SandboxSystem {
    MOT_CUA(
            "mot-cua",
            "Hệ thống thông tin giải quyết thủ tục hành chính (một cửa điện tử)",
            "Provincial one-stop public-service system"),
    VAN_BAN("van-ban", "Hệ thống quản lý văn bản và điều hành", "Document management and direction (e-office)"),
    HOP_TRUC_TUYEN("hop-truc-tuyen", "Hệ thống hội nghị truyền hình trực tuyến", "Video-conference meetings"),
    QUAN_TRAC_MOI_TRUONG(
            "quan-trac-moi-truong", "Hệ thống quan trắc môi trường tự động", "Environment monitoring (IoT over 4G)"),
    DANG_KY_TAU_CA("dang-ky-tau-ca", "Cơ sở dữ liệu đăng ký tàu cá", "Fishing vessel registry");

    private static final Map<String, SandboxSystem> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(SandboxSystem::id, Function.identity()));

    private final String id;
    private final String nameVi;
    private final String nameEn;

    SandboxSystem(String id, String nameVi, String nameEn) {
        this.id = id;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    public String id() {
        return id;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The path prefix, {@code /mot-cua}. */
    public String prefix() {
        return "/" + id;
    }

    public static Optional<SandboxSystem> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The system a request path belongs to: its first segment. */
    public static Optional<SandboxSystem> ofPath(String path) {
        if (path == null || path.length() < 2 || path.charAt(0) != '/') {
            return Optional.empty();
        }
        int end = path.indexOf('/', 1);
        return byId(end < 0 ? path.substring(1) : path.substring(1, end));
    }
}
