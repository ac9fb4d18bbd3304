package vn.hoinghi.orchestrator.provisioning;

/**
 * The Jitsi room of a meeting. Short, lower case and free of the characters Prosody's MUC and the web client
 * treat specially, so it survives URLs, JIDs and rtcstats paths unchanged.
 */
public final class RoomNames {
    private static final String PREFIX = "hn";

    private RoomNames() {
    }

    public static String of(long meetingId) {
        return PREFIX + meetingId;
    }

    /** The meeting id of a room name, or -1 if the name is not one of ours. */
    public static long meetingOf(String room) {
        if (room == null || !room.startsWith(PREFIX) || room.length() > 20) {
            return -1;
        }
        try {
            return Long.parseLong(room.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
