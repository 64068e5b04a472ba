package vn.gov.camau.g.gateway.catalog;

import java.util.Map;
import vn.gov.camau.g.gateway.problem.Localized;

/** The names of the catalog's sectors (the manifest schema's {@code sector} values). */
final class Sectors {

    private static final Map<String, Localized> NAMES = Map.ofEntries(
            Map.entry("public-services", new Localized("Dịch vụ công", "Public services")),
            Map.entry("administration", new Localized("Hành chính, điều hành", "Administration")),
            Map.entry("finance", new Localized("Tài chính", "Finance")),
            Map.entry("land-environment", new Localized("Tài nguyên và môi trường", "Land and environment")),
            Map.entry("health", new Localized("Y tế", "Health")),
            Map.entry("education", new Localized("Giáo dục và đào tạo", "Education and training")),
            Map.entry("agriculture-fisheries", new Localized("Nông nghiệp và thủy sản", "Agriculture and fisheries")),
            Map.entry("culture-tourism", new Localized("Văn hóa, thể thao và du lịch", "Culture, sports and tourism")),
            Map.entry("transport-construction", new Localized("Giao thông và xây dựng", "Transport and construction")),
            Map.entry("labour-social", new Localized("Lao động và xã hội", "Labour and social affairs")),
            Map.entry("justice", new Localized("Tư pháp", "Justice")),
            Map.entry("security", new Localized("An ninh, trật tự", "Public security")),
            Map.entry("planning-investment", new Localized("Kế hoạch và đầu tư", "Planning and investment")),
            Map.entry(
                    "information-communications",
                    new Localized("Thông tin và truyền thông", "Information and communications")),
            Map.entry("taxation", new Localized("Thuế", "Taxation")),
            Map.entry("social-insurance", new Localized("Bảo hiểm xã hội", "Social insurance")),
            Map.entry("treasury", new Localized("Kho bạc", "State treasury")),
            Map.entry("statistics", new Localized("Thống kê", "Statistics")),
            Map.entry("other", new Localized("Khác", "Other")));

    private Sectors() {}

    static Localized name(String sector) {
        return NAMES.getOrDefault(sector, new Localized(sector, sector));
    }
}
