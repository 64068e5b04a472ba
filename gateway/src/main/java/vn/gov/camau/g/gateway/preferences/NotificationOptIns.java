package vn.gov.camau.g.gateway.preferences;

import jakarta.validation.constraints.NotNull;

/** Which pushes a person wants; each one is a yes or a no, none may be left out of a PUT. */
public record NotificationOptIns(
        @NotNull(message = "Cần chọn có hoặc không.|Choose true or false.")
        Boolean dossierUpdates,

        @NotNull(message = "Cần chọn có hoặc không.|Choose true or false.")
        Boolean documentInbox,

        @NotNull(message = "Cần chọn có hoặc không.|Choose true or false.")
        Boolean meetingReminders,

        @NotNull(message = "Cần chọn có hoặc không.|Choose true or false.")
        Boolean salinityAlerts,

        @NotNull(message = "Cần chọn có hoặc không.|Choose true or false.")
        Boolean waterLevelAlerts,

        @NotNull(message = "Cần chọn có hoặc không.|Choose true or false.")
        Boolean localNews) {

    /** What a new user gets: everything about their own work and the water, no news. */
    static final NotificationOptIns DEFAULTS = new NotificationOptIns(true, true, true, true, true, false);
}
