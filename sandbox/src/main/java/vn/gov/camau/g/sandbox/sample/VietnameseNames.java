package vn.gov.camau.g.sandbox.sample;

import java.util.List;
import java.util.random.RandomGenerator;

/** Made-up Vietnamese personal names, family name first, with diacritics. */
public final class VietnameseNames {

    private static final List<String> FAMILY = List.of(
            "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Trương", "Lâm", "Quách", "Tô", "Châu", "Thái", "Phan", "Mai", "Đinh", "Cao", "Tạ",
            "Kim", "Danh");
    private static final List<String> MALE_MIDDLE =
            List.of("Văn", "Văn", "Văn", "Minh", "Thanh", "Hoàng", "Quốc", "Hữu", "Công", "Trọng", "Tấn", "Chí");
    private static final List<String> FEMALE_MIDDLE =
            List.of("Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Thị Mỹ", "Thị Thu", "Thị Kim", "Hồng", "Bích");
    private static final List<String> MALE_GIVEN = List.of(
            "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khang", "Khánh",
            "Kiệt", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phúc", "Quân", "Sang", "Sơn", "Tài",
            "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Việt", "Vinh");
    private static final List<String> FEMALE_GIVEN = List.of(
            "Anh", "Châu", "Diễm", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Lan", "Liên", "Linh",
            "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thư", "Thủy",
            "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến");

    private VietnameseNames() {}

    public static String person(RandomGenerator random) {
        boolean female = random.nextBoolean();
        String family = Sample.pick(random, FAMILY);
        String middle = Sample.pick(random, female ? FEMALE_MIDDLE : MALE_MIDDLE);
        String given = Sample.pick(random, female ? FEMALE_GIVEN : MALE_GIVEN);
        return family + " " + middle + " " + given;
    }
}
