package vn.gov.camau.g.gateway.preferences;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** What one person chose on their phones, stored under their Keycloak subject. */
@Entity
@Table(name = "user_preferences")
public class UserPreferences extends PanacheEntityBase {

    @Id
    public String subject;

    public String language;

    @Column(name = "favourite_app_ids")
    public String[] favouriteAppIds;

    @Column(name = "notify_dossier_updates")
    public boolean notifyDossierUpdates;

    @Column(name = "notify_document_inbox")
    public boolean notifyDocumentInbox;

    @Column(name = "notify_meeting_reminders")
    public boolean notifyMeetingReminders;

    @Column(name = "notify_salinity_alerts")
    public boolean notifySalinityAlerts;

    @Column(name = "notify_water_level_alerts")
    public boolean notifyWaterLevelAlerts;

    @Column(name = "notify_local_news")
    public boolean notifyLocalNews;

    /** Bumped by every write; the ETag is made from it, and a stale one makes the write fail. */
    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
