package vn.gov.camau.g.sandbox.motcua;

import java.util.List;
import java.util.Optional;

/**
 * A sample administrative procedure (thủ tục hành chính). {@code level} says who resolves it:
 * a provincial department ({@code agencyCode}), any district, or any commune. The codes are the
 * sandbox's own ({@code MC-…}), not the national procedure codes.
 */
public record Procedure(
        String code, String name, String field, String level, String agencyCode, int processingDays, long feeVnd) {

    public static final List<Procedure> ALL = List.of(
            new Procedure(
                    "MC-001",
                    "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam",
                    "Lý lịch tư pháp",
                    "province",
                    "CM.STP",
                    10,
                    200_000),
            new Procedure(
                    "MC-002",
                    "Đăng ký thành lập doanh nghiệp tư nhân",
                    "Thành lập và hoạt động doanh nghiệp",
                    "province",
                    "CM.SKHDT",
                    3,
                    50_000),
            new Procedure(
                    "MC-003",
                    "Cấp giấy phép xây dựng công trình cấp II, cấp III",
                    "Hoạt động xây dựng",
                    "province",
                    "CM.SXD",
                    20,
                    150_000),
            new Procedure("MC-004", "Cấp lại giấy phép lái xe", "Đường bộ", "province", "CM.SGTVT", 5, 135_000),
            new Procedure(
                    "MC-005", "Cấp văn bản chấp thuận khai thác thủy sản", "Thủy sản", "province", "CM.SNNPTNT", 6, 0),
            new Procedure(
                    "MC-006", "Cấp giấy chứng nhận đăng ký tàu cá", "Thủy sản", "province", "CM.SNNPTNT", 3, 70_000),
            new Procedure(
                    "MC-007",
                    "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                    "Đất đai",
                    "province",
                    "CM.STNMT",
                    10,
                    0),
            new Procedure(
                    "MC-008",
                    "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh",
                    "Khám bệnh, chữa bệnh",
                    "province",
                    "CM.SYT",
                    20,
                    360_000),
            new Procedure(
                    "MC-009",
                    "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
                    "Văn bằng, chứng chỉ",
                    "province",
                    "CM.SGDDT",
                    1,
                    0),
            new Procedure(
                    "MC-010", "Cấp giấy phép hoạt động in", "Xuất bản, in và phát hành", "province", "CM.STTTT", 7, 0),
            new Procedure(
                    "MC-011",
                    "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
                    "Phát thanh, truyền hình và thông tin điện tử",
                    "province",
                    "CM.STTTT",
                    10,
                    0),
            new Procedure(
                    "MC-012",
                    "Cấp giấy phép lao động cho người lao động nước ngoài",
                    "Việc làm",
                    "province",
                    "CM.SLDTBXH",
                    5,
                    400_000),
            new Procedure(
                    "MC-013",
                    "Đăng ký mã số đơn vị có quan hệ với ngân sách",
                    "Tin học - Thống kê tài chính",
                    "province",
                    "CM.STC",
                    2,
                    0),
            new Procedure(
                    "MC-014",
                    "Đăng ký thành lập hộ kinh doanh",
                    "Thành lập và hoạt động hộ kinh doanh",
                    "district",
                    null,
                    3,
                    100_000),
            new Procedure(
                    "MC-015",
                    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                    "Hoạt động xây dựng",
                    "district",
                    null,
                    15,
                    75_000),
            new Procedure("MC-016", "Giải quyết trợ cấp xã hội hằng tháng", "Bảo trợ xã hội", "district", null, 15, 0),
            new Procedure("MC-017", "Đăng ký khai sinh", "Hộ tịch", "commune", null, 1, 0),
            new Procedure("MC-018", "Đăng ký kết hôn", "Hộ tịch", "commune", null, 1, 0),
            new Procedure(
                    "MC-019",
                    "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
                    "Chứng thực",
                    "commune",
                    null,
                    1,
                    2_000),
            new Procedure("MC-020", "Đăng ký khai tử", "Hộ tịch", "commune", null, 1, 0),
            new Procedure("MC-021", "Cấp giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "commune", null, 3, 0));

    public static Optional<Procedure> byCode(String code) {
        return ALL.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public static List<Procedure> ofLevel(String level) {
        return ALL.stream().filter(p -> p.level().equals(level)).toList();
    }
}
