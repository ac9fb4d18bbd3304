package vn.hoinghi.orchestrator.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A booking as the secretariat sends it. Times are local wall-clock times in {@code timeZone} (default
 * Asia/Ho_Chi_Minh) such as {@code 2026-12-01T08:00}, or carry their own offset. Invited sites come as an
 * explicit list, as rules ("all THADS of the Central region"), or both.
 */
@Serdeable
public record BookingRequest(
        String title,
        @Nullable String agenda,
        String hostSite,
        String start,
        String end,
        @Nullable String timeZone,
        @Nullable String rrule,
        @Nullable List<String> exdates,
        @Nullable List<Invite> invites,
        @Nullable List<InviteRule> inviteRules) {

    /** One site: interactive (in the main room) or viewer (visitor), and how it joins. */
    @Serdeable
    public record Invite(String site, @Nullable String participation, @Nullable String wayIn,
                         @Nullable String roomSystem) {
    }

    /** Every site matching all given criteria: a region, some kinds, and/or a subtree (its root included). */
    @Serdeable
    public record InviteRule(@Nullable String region, @Nullable List<String> kinds, @Nullable String subtreeOf,
                             @Nullable String participation, @Nullable String wayIn) {
    }
}
