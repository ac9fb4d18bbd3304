package vn.hoinghi.orchestrator.provisioning;

/** DESIGN §3 fallback order: the room system by video, the same by audio, then the site contact's phone. */
public enum DialMethod { VIDEO, AUDIO, PHONE }
