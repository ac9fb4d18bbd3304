package vn.hoinghi.orchestrator.notifications;

/** How a message reaches a person: e-mail, or a text message (SMS/Zalo) through a gateway. */
public enum Channel {
    EMAIL, SMS
}
