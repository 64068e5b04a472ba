package vn.gov.camau.g.modules.canhbaoman;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.camau.g.modules.spi.HomeSection;
import vn.gov.camau.g.modules.spi.ModuleAdapter;
import vn.gov.camau.g.modules.spi.ModuleCaller;
import vn.gov.camau.g.modules.spi.ModuleDescriptor;

/**
 * Salinity-intrusion alerts, the home screen's most urgent news for a rice and shrimp farming
 * province: the monitoring system reports raw readings and per-station thresholds, and this
 * adapter turns them into "which stations are over, and how far" (why it is code, not a manifest).
 */
@ApplicationScoped
public class SalinityAlertsAdapter implements ModuleAdapter {

    static final String ID = "ban-tin-canh-bao-xam-nhap-man";
    private static final int SHOWN = 5;

    private final WebClient client;
    private final String stationsUrl;
    private final Optional<String> apiKey;
    private final Duration timeout;

    SalinityAlertsAdapter(
            Vertx vertx,
            @ConfigProperty(name = "camau.modules.ban-tin-canh-bao-xam-nhap-man.stations-url") String stationsUrl,
            @ConfigProperty(name = "camau.modules.ban-tin-canh-bao-xam-nhap-man.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "camau.modules.ban-tin-canh-bao-xam-nhap-man.timeout", defaultValue = "PT2S")
                    Duration timeout) {
        this.client = WebClient.create(vertx);
        this.stationsUrl = stationsUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    @Override
    public ModuleDescriptor descriptor() {
        return new ModuleDescriptor(
                ID,
                "Bản tin cảnh báo xâm nhập mặn và thời tiết tỉnh Cà Mau",
                "Cà Mau Salinity Intrusion and Weather Bulletin",
                "land-environment",
                "CM.STNMT",
                ModuleDescriptor.Audience.PUBLIC,
                ModuleDescriptor.Kind.WEBVIEW,
                ModuleDescriptor.Level.PROVINCIAL,
                "https://canhbaoman.camau.gov.vn/");
    }

    @Override
    public Optional<HomeSection> home() {
        return Optional.of(new HomeSection() {
            @Override
            public String titleVi() {
                return "Cảnh báo xâm nhập mặn";
            }

            @Override
            public String titleEn() {
                return "Salinity intrusion alerts";
            }

            @Override
            public Uni<String> load(ModuleCaller caller) {
                return alerts();
            }
        });
    }

    private Uni<String> alerts() {
        if (apiKey.isEmpty()) {
            return Uni.createFrom()
                    .failure(new IllegalStateException(
                            "camau.modules.ban-tin-canh-bao-xam-nhap-man.api-key is not set"));
        }
        return client.getAbs(stationsUrl)
                .putHeader("X-API-Key", apiKey.get())
                .timeout(timeout.toMillis())
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("stations answered " + response.statusCode());
                    }
                    return summarize(response.bodyAsJsonObject().getJsonArray("items"))
                            .encode();
                });
    }

    /** Stations by how far their latest salinity is over their own thresholds, worst first. */
    static JsonObject summarize(JsonArray stations) {
        List<JsonObject> rated = new ArrayList<>();
        int danger = 0;
        int warning = 0;
        for (Object item : stations) {
            JsonObject station = (JsonObject) item;
            JsonObject latest = station.getJsonObject("latest");
            JsonObject thresholds = station.getJsonObject("thresholds");
            if (latest == null || thresholds == null || latest.getDouble("salinityPpt") == null) {
                continue;
            }
            double salinity = latest.getDouble("salinityPpt");
            String level = salinity >= thresholds.getDouble("salinityDangerPpt")
                    ? "danger"
                    : salinity >= thresholds.getDouble("salinityWarningPpt") ? "warning" : "normal";
            danger += level.equals("danger") ? 1 : 0;
            warning += level.equals("warning") ? 1 : 0;
            rated.add(new JsonObject()
                    .put("station", station.getString("id"))
                    .put("name", station.getString("name"))
                    .put("salinityPpt", salinity)
                    .put("warningPpt", thresholds.getDouble("salinityWarningPpt"))
                    .put("level", level)
                    .put("at", latest.getString("at")));
        }
        rated.sort(Comparator.comparingDouble((JsonObject s) -> s.getDouble("salinityPpt") - s.getDouble("warningPpt"))
                .reversed());
        return new JsonObject()
                .put(
                        "headline",
                        new JsonObject()
                                .put(
                                        "vi",
                                        danger + " trạm vượt ngưỡng nguy hiểm, " + warning
                                                + " trạm vượt ngưỡng cảnh báo")
                                .put(
                                        "en",
                                        danger + " stations over the danger level, " + warning
                                                + " over the warning level"))
                .put("danger", danger)
                .put("warning", warning)
                .put("stations", new JsonArray(rated.subList(0, Math.min(SHOWN, rated.size()))))
                .put("sample", true);
    }
}
