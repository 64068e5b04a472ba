package vn.gov.camau.g.sandbox.sample;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample agency tree, as the realm's groups have it (sso/README.md): the same agency codes
 * reach the systems in the token's {@code agency} claim.
 */
public final class Agencies {

    /** An agency: {@code level} is province, district, commune or central; the parent's code or null. */
    public record Agency(String code, String name, String level, String parent) {}

    public static final List<Agency> ALL = List.of(
            new Agency("CM", "UBND tỉnh Cà Mau", "province", null),
            new Agency("CM.VPUBND", "Văn phòng UBND tỉnh", "province", "CM"),
            new Agency("CM.TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh", "province", "CM"),
            new Agency("CM.SNV", "Sở Nội vụ", "province", "CM"),
            new Agency("CM.STC", "Sở Tài chính", "province", "CM"),
            new Agency("CM.SKHDT", "Sở Kế hoạch và Đầu tư", "province", "CM"),
            new Agency("CM.STNMT", "Sở Tài nguyên và Môi trường", "province", "CM"),
            new Agency("CM.STTTT", "Sở Thông tin và Truyền thông", "province", "CM"),
            new Agency("CM.STP", "Sở Tư pháp", "province", "CM"),
            new Agency("CM.SYT", "Sở Y tế", "province", "CM"),
            new Agency("CM.SGDDT", "Sở Giáo dục và Đào tạo", "province", "CM"),
            new Agency("CM.SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "province", "CM"),
            new Agency("CM.SXD", "Sở Xây dựng", "province", "CM"),
            new Agency("CM.SGTVT", "Sở Giao thông vận tải", "province", "CM"),
            new Agency("CM.SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "province", "CM"),
            new Agency("CM.TPCM", "UBND thành phố Cà Mau", "district", null),
            new Agency("CM.TPCM.P5", "Phường 5", "commune", "CM.TPCM"),
            new Agency("CM.TPCM.P9", "Phường 9", "commune", "CM.TPCM"),
            new Agency("CM.TPCM.PTANXUYEN", "Phường Tân Xuyên", "commune", "CM.TPCM"),
            new Agency("CM.TPCM.TACVAN", "Xã Tắc Vân", "commune", "CM.TPCM"),
            new Agency("CM.TPCM.ANXUYEN", "Xã An Xuyên", "commune", "CM.TPCM"),
            new Agency("CM.TVT", "UBND huyện Trần Văn Thời", "district", null),
            new Agency("CM.TVT.TTTRANVANTHOI", "Thị trấn Trần Văn Thời", "commune", "CM.TVT"),
            new Agency("CM.TVT.TTSONGDOC", "Thị trấn Sông Đốc", "commune", "CM.TVT"),
            new Agency("CM.TVT.KHANHBINHDONG", "Xã Khánh Bình Đông", "commune", "CM.TVT"),
            new Agency("CM.TVT.PHONGLAC", "Xã Phong Lạc", "commune", "CM.TVT"),
            new Agency("CM.UMINH", "UBND huyện U Minh", "district", null),
            new Agency("CM.UMINH.TTUMINH", "Thị trấn U Minh", "commune", "CM.UMINH"),
            new Agency("CM.UMINH.KHANHHOI", "Xã Khánh Hội", "commune", "CM.UMINH"),
            new Agency("CM.UMINH.NGUYENPHICH", "Xã Nguyễn Phích", "commune", "CM.UMINH"),
            new Agency("CM.THOIBINH", "UBND huyện Thới Bình", "district", null),
            new Agency("CM.THOIBINH.TTTHOIBINH", "Thị trấn Thới Bình", "commune", "CM.THOIBINH"),
            new Agency("CM.THOIBINH.BIENBACH", "Xã Biển Bạch", "commune", "CM.THOIBINH"),
            new Agency("CM.CAINUOC", "UBND huyện Cái Nước", "district", null),
            new Agency("CM.CAINUOC.TTCAINUOC", "Thị trấn Cái Nước", "commune", "CM.CAINUOC"),
            new Agency("CM.CAINUOC.HUNGMY", "Xã Hưng Mỹ", "commune", "CM.CAINUOC"),
            new Agency("CM.DAMDOI", "UBND huyện Đầm Dơi", "district", null),
            new Agency("CM.DAMDOI.TTDAMDOI", "Thị trấn Đầm Dơi", "commune", "CM.DAMDOI"),
            new Agency("CM.DAMDOI.TAANKHUONG", "Xã Tạ An Khương", "commune", "CM.DAMDOI"),
            new Agency("CM.PHUTAN", "UBND huyện Phú Tân", "district", null),
            new Agency("CM.PHUTAN.TTCAIDOIVAM", "Thị trấn Cái Đôi Vàm", "commune", "CM.PHUTAN"),
            new Agency("CM.PHUTAN.PHUTAN", "Xã Phú Tân", "commune", "CM.PHUTAN"),
            new Agency("CM.NAMCAN", "UBND huyện Năm Căn", "district", null),
            new Agency("CM.NAMCAN.TTNAMCAN", "Thị trấn Năm Căn", "commune", "CM.NAMCAN"),
            new Agency("CM.NAMCAN.HAMRONG", "Xã Hàm Rồng", "commune", "CM.NAMCAN"),
            new Agency("CM.NAMCAN.TAMGIANGDONG", "Xã Tam Giang Đông", "commune", "CM.NAMCAN"),
            new Agency("CM.NGOCHIEN", "UBND huyện Ngọc Hiển", "district", null),
            new Agency("CM.NGOCHIEN.TTRACHGOC", "Thị trấn Rạch Gốc", "commune", "CM.NGOCHIEN"),
            new Agency("CM.NGOCHIEN.DATMUI", "Xã Đất Mũi", "commune", "CM.NGOCHIEN"),
            new Agency("CM.NGOCHIEN.VIENAN", "Xã Viên An", "commune", "CM.NGOCHIEN"),
            new Agency("CM.CTHUE", "Cục Thuế tỉnh Cà Mau", "central", null),
            new Agency("CM.BHXH", "Bảo hiểm xã hội tỉnh Cà Mau", "central", null),
            new Agency("CM.KBNN", "Kho bạc Nhà nước Cà Mau", "central", null),
            new Agency("CM.CAT", "Công an tỉnh Cà Mau", "central", null));

    private static final Map<String, Agency> BY_CODE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Agency::code, Function.identity()));

    private Agencies() {}

    public static Optional<Agency> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static Agency get(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("No sample agency " + code));
    }

    /** The provincial departments (Sở) and offices under UBND tỉnh. */
    public static List<Agency> departments() {
        return ALL.stream().filter(a -> "CM".equals(a.parent())).toList();
    }

    /** The districts and the city. */
    public static List<Agency> districts() {
        return ALL.stream().filter(a -> "district".equals(a.level())).toList();
    }

    public static List<Agency> communes() {
        return ALL.stream().filter(a -> "commune".equals(a.level())).toList();
    }

    public static List<Agency> communesOf(String district) {
        return ALL.stream().filter(a -> district.equals(a.parent())).toList();
    }

    /** The district an agency lies in (itself for a district), or null. */
    public static Agency districtOf(String code) {
        Agency agency = BY_CODE.get(code);
        while (agency != null && !"district".equals(agency.level())) {
            agency = agency.parent() == null ? null : BY_CODE.get(agency.parent());
        }
        return agency;
    }
}
