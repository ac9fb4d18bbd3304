package vn.hoinghi.orchestrator.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * HoiNghi's dial-out policy (DESIGN.md §3), as a pure function of the attempts so far: each method is tried
 * once plus once after each pause in {@code backoff} (10 s, 30 s, 90 s → 4 tries); a permanent refusal skips the
 * rest of that method; then the next method of the ladder (video → audio → the contact's phone); then give up
 * (the caller alerts an operator).
 */
public final class DialPolicy {
    private DialPolicy() {
    }

    /** One rung: how, and to which address. */
    public record Step(DialMethod method, String target) {
    }

    /** A past attempt as the policy sees it; {@code outcome} null means still open. Pauses count from its start. */
    public record Past(DialMethod method, String outcome, boolean permanent, Instant startedAt) {
    }

    public sealed interface Next {
    }

    public record Connected() implements Next {
    }

    public record DialNow(Step step, int attemptNo) implements Next {
    }

    public record WaitUntil(Instant at) implements Next {
    }

    public record GiveUp(String reason) implements Next {
    }

    public static Next next(List<Step> ladder, List<Past> history, List<Duration> backoff, Instant now) {
        if (history.stream().anyMatch(p -> "CONNECTED".equals(p.outcome()))) {
            return new Connected();
        }
        int triesPerMethod = backoff.size() + 1;
        for (Step step : ladder) {
            List<Past> mine = history.stream().filter(p -> p.method() == step.method()).toList();
            boolean refused = mine.stream().anyMatch(Past::permanent);
            if (refused || mine.size() >= triesPerMethod) {
                continue;
            }
            if (!mine.isEmpty()) {
                Past last = mine.get(mine.size() - 1);
                Instant due = last.startedAt().plus(backoff.get(Math.min(mine.size() - 1, backoff.size() - 1)));
                if (due.isAfter(now)) {
                    return new WaitUntil(due);
                }
            }
            return new DialNow(step, history.size() + 1);
        }
        return new GiveUp(ladder.isEmpty() ? "no way to reach the site"
                : "every method failed (" + history.size() + " attempts)");
    }
}
