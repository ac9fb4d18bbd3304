package vn.hoinghi.orchestrator.booking;

/** In the main room (may speak) or a viewer on a visitor node (receives only). */
public enum Participation { INTERACTIVE, VIEWER }
