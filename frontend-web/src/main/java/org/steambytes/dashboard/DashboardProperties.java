package org.steambytes.dashboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.steambytes.common.security.InternalApiSettings;

/**
 * Every setting of this service, bound from {@code steambytes.*} (environment variables in application.yml) and validated at start-up.
 * {@code mailCatcherUrl} ({@code MAIL_CATCHER_URL}, set by the embedded run, docs/ARCHITECTURE.md §6): where the
 * caught e-mails are listed; blank (the default) hides the admin page {@code /admin/mail}.
 */
@Validated
@ConfigurationProperties("steambytes")
public record DashboardProperties(
        @Valid @NotNull InternalApiSettings internal,
        @NotNull URI frontendApiUrl,
        @DefaultValue("") String mailCatcherUrl,
        @Valid @DefaultValue Login login,
        @Valid @DefaultValue Live live) {

    /**
     * Sign-in throttling: after {@code freeFailuresPerUser} failed sign-ins of one user name (or
     * {@code freeFailuresPerAddress} from one address, which many users may share), each further
     * attempt waits {@code firstDelay}, doubling up to {@code maxDelay}; counts are forgotten
     * {@code forgetAfter} after the last failure, and a user's on success.
     */
    public record Login(
            @DefaultValue("5") @Min(1) int freeFailuresPerUser,
            @DefaultValue("20") @Min(1) int freeFailuresPerAddress,
            @DefaultValue("2s") @NotNull Duration firstDelay,
            @DefaultValue("15m") @NotNull Duration maxDelay,
            @DefaultValue("1h") @NotNull Duration forgetAfter) {
    }

    /**
     * The live feed: how long one XREAD blocks (below Redis' 2 s command timeout; a new entry ends
     * the wait at once, so this only paces an idle loop), how often a browser's right to its site is checked
     * again (at most 60 s), how often an idle stream sends a comment to keep proxies from closing it.
     */
    public record Live(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration block,
            @DefaultValue("60s") @NotNull Duration recheckEvery,
            @DefaultValue("20s") @NotNull Duration heartbeat,
            @DefaultValue("2000") @Min(1) int maxQueuedEvents) {
    }
}
