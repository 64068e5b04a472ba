package vn.gov.camau.g.gateway.preferences;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person's preferences as the API reads and writes them: a PUT sends the whole document.
 *
 * @param favouriteAppIds catalog app ids in the order the home screen shows them
 * @param updatedAt when they were last saved; absent until the first save (read-only)
 */
public record PreferencesDocument(
        @NotNull(message = "Cần chọn ngôn ngữ.|Choose a language.")
        @Pattern(regexp = "vi|en", message = "Ngôn ngữ phải là vi hoặc en.|Language must be vi or en.")
        String language,

        @NotNull(
                message =
                        "Cần gửi danh sách ứng dụng yêu thích (có thể rỗng).|Send the favourites list (it may be empty).")
        @Size(max = 50, message = "Tối đa 50 ứng dụng yêu thích.|At most 50 favourite apps.")
        List<
                        @NotNull(message = "Mã ứng dụng không được rỗng.|An app id may not be null.")
                        @Pattern(
                                regexp = "[a-z0-9][a-z0-9-]{1,62}",
                                message = "Mã ứng dụng không hợp lệ.|Not a valid app id.")
                        String>
                favouriteAppIds,

        @NotNull(message = "Cần gửi các lựa chọn thông báo.|Send the notification choices.") @Valid
        NotificationOptIns notifications,

        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime updatedAt) {

    static final PreferencesDocument DEFAULTS =
            new PreferencesDocument("vi", List.of(), NotificationOptIns.DEFAULTS, null);
}
