package vn.hoinghi.orchestrator.provisioning;

import vn.hoinghi.orchestrator.support.MutableClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Jitsi side as the job runner sees it, shared by every application context of a test (a "restart" builds a
 * new context on the same database and the same fleet). It behaves as Jicofo does for these calls: a prepared
 * room stays until released; a Jibri SIP call, once up, is reported again ("on") to whoever rejoins the room.
 */
public final class FakeFleet {
    public static final MutableClock CLOCK = new MutableClock(Instant.now());
    /** Every dial that reached a gateway, in order: "VIDEO room target" / "AUDIO room target". */
    public static final List<String> DIALS = Collections.synchronizedList(new ArrayList<>());
    public static final List<String> HANGUPS = Collections.synchronizedList(new ArrayList<>());
    public static final Map<String, Boolean> ROOMS = new ConcurrentHashMap<>();
    /** Per call kind, what the gateway does: null = answer, otherwise the failure to throw. */
    public static volatile Function<String, ProvisioningException> prepareFailure = room -> null;
    public static volatile Function<String, ProvisioningException> videoFailure = target -> null;
    public static volatile Function<String, ProvisioningException> audioFailure = target -> null;
    /** Simulates the process dying in the middle of a step (an Error escapes the runner). */
    public static volatile String crashOn = null;

    private FakeFleet() {
    }

    public static void reset() {
        CLOCK.set(Instant.now());
        DIALS.clear();
        HANGUPS.clear();
        ROOMS.clear();
        prepareFailure = room -> null;
        videoFailure = target -> null;
        audioFailure = target -> null;
        crashOn = null;
    }

    public static long dialsTo(String target) {
        synchronized (DIALS) {
            return DIALS.stream().filter(d -> d.endsWith(" " + target)).count();
        }
    }

    /** Thrown to simulate a crash: not an Exception, so nothing in the runner catches it. */
    public static final class Crash extends Error {
        public Crash(String where) {
            super("simulated crash " + where);
        }
    }
}
