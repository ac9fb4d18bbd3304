package vn.hoinghi.orchestrator.booking;

/** How a site joins: a browser link, its meeting-room system dialled by the bridge, or an audio call. */
public enum WayIn { BROWSER, ROOM_SYSTEM, AUDIO }
