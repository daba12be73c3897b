package org.steambytes.alerting.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.alert.AlertTransition;
import org.steambytes.alerting.site.SensorInfo;
import org.steambytes.alerting.site.SiteInfo;

/**
 * The e-mail templates: subject and body name the site, sensor, value, limit, severity, the time in
 * the site's time zone and link to the alert's own dashboard page ({@code /alerts/{alert_id}}, where the
 * on-call engineer acknowledges it after signing in) and the site's.
 */
@Component
public class MailComposer {

    private static final String PREFIX = "[SteamBytes] ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);

    private final String dashboardUrl;

    MailComposer(AlertingProperties properties) {
        String url = properties.dashboardUrl().toString();
        this.dashboardUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One transition (opened, acknowledged, resolved) or reminder (renotified, escalated) of an alert. */
    Email alert(SiteInfo site, AlertSnapshot alert, AlertTransition transition, Double value, Instant at, String actor,
            String note) {
        SensorInfo sensor = alert.sensorId() == null ? null : site.sensor(alert.sensorId());
        String unit = unit(alert.kind(), sensor);
        String subject = PREFIX + alert.severity().wireName().toUpperCase(Locale.ROOT) + " " + label(transition) + ": "
                + site.name() + " — " + alert.message();
        StringBuilder body = new StringBuilder()
                .append("Alert ").append(label(transition)).append(" at ").append(site.name())
                .append(" (").append(site.siteId()).append(")\n\n")
                .append("Sensor:    ").append(alert.sensorId() == null ? "(whole site)" : alert.sensorId()
                        + (sensor == null ? "" : " (" + sensor.sensorType() + ")")).append('\n')
                .append("Alert:     ").append(alert.message()).append('\n')
                .append("Value:     ").append(value == null ? "-" : format(value) + unit).append('\n')
                .append("Limit:     ").append(alert.limit() == null ? "-" : format(alert.limit()) + limitUnit(alert.kind(), unit))
                .append('\n')
                .append("Severity:  ").append(alert.severity().wireName()).append('\n')
                .append("Time:      ").append(time(site, at)).append('\n')
                .append("State:     ").append(alert.state()).append('\n');
        if (actor != null) {
            body.append("By:        ").append(actor).append(note == null || note.isBlank() ? "" : " — " + note).append('\n');
        }
        body.append("Opened:    ").append(time(site, alert.openedAt())).append('\n')
                .append("Alert id:  ").append(alert.alertId()).append("\n\n")
                .append("Alert page: ").append(alertLink(alert)).append('\n')
                .append("Dashboard: ").append(dashboardLink(site)).append('\n');
        return new Email(subject, body.toString());
    }

    /** A flood: one summary naming the first alert of the window. */
    public Email floodSummary(SiteInfo site, long alerts, long windowMinutes, AlertSnapshot first) {
        String subject = "[SteamBytes] Alert flood at " + site.name() + ": " + alerts + " alerts in " + windowMinutes
                + " min, first: " + first.message();
        String body = "More than the usual number of alerts opened at " + site.name() + " (" + site.siteId() + "):\n"
                + alerts + " in the last " + windowMinutes + " minutes. Single e-mails for this site are held back"
                + " until the flood is over; every alert is recorded on the dashboard.\n\n"
                + "First alert: " + first.message() + " (" + first.severity().wireName() + ")\n"
                + "Sensor:      " + (first.sensorId() == null ? "(whole site)" : first.sensorId()) + "\n"
                + "Opened:      " + time(site, first.openedAt()) + "\n"
                + "Alert id:    " + first.alertId() + "\n\n"
                + "First alert's page: " + alertLink(first) + "\n"
                + "Dashboard: " + dashboardLink(site) + "\n";
        return new Email(subject, body);
    }

    /**
     * What value and limit are measured in: the sensor's unit, per hour for a rate, seconds for silence,
     * percent for an efficiency.
     */
    static String unit(String kind, SensorInfo sensor) {
        return switch (kind) {
            case "no_data" -> " s";
            case "efficiency_drop" -> " %";
            case "rate_of_change" -> sensor == null ? "/h" : " " + sensor.unit() + "/h";
            default -> sensor == null ? "" : " " + sensor.unit();
        };
    }

    /** An anomaly's limit is its detector's threshold (a z-score, a control limit, a CUSUM bound), not always in the sensor's unit. */
    private static String limitUnit(String kind, String unit) {
        return "anomaly".equals(kind) ? " (the detector's threshold)" : unit;
    }

    /** Low-priority alerts of a site, as one e-mail: each transition by its own subject line. */
    public Email digest(SiteInfo site, List<String> subjects) {
        String subject = PREFIX + "Low-priority digest: " + site.name() + " — " + subjects.size()
                + (subjects.size() == 1 ? " alert change" : " alert changes");
        StringBuilder body = new StringBuilder("Low-priority alerts at ").append(site.name()).append(" (")
                .append(site.siteId()).append(") since the last digest, oldest first:\n\n");
        for (String line : subjects) {
            body.append("- ").append(line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line).append('\n');
        }
        body.append("\nDashboard: ").append(dashboardLink(site)).append('\n');
        return new Email(subject, body.toString());
    }

    /** The alert's own page on the dashboard (it asks to sign in first). */
    public String alertLink(AlertSnapshot alert) {
        return dashboardUrl + "/alerts/" + alert.alertId();
    }

    public String dashboardLink(SiteInfo site) {
        return dashboardUrl + "/sites/" + site.siteId();
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }

    private static String time(SiteInfo site, Instant at) {
        return at == null ? "-" : TIME.withZone(site.zone()).format(at) + " (" + site.zone().getId() + ")";
    }

    private static String label(AlertTransition transition) {
        return transition == AlertTransition.RENOTIFIED ? "still open" : transition.wireName();
    }
}
