package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health} shows {@code xmpp: UP/DOWN} with the server and, when down, why (never the password). */
@Singleton
@Requires(property = "hoinghi.xmpp.enabled", value = "true")
public class XmppHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final XmppSession session;

    public XmppHealthIndicator(XmppSession session) {
        this.session = session;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = session.isUp() ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("server", session.config().getHost() + ":" + session.config().getPort());
        details.put("user", session.config().getUsername() + "@" + session.config().getLoginDomain());
        String error = session.lastError();
        if (error != null) {
            details.put("error", error);
        }
        if (session.lastDrop() != null) {
            details.put("lastDrop", session.lastDrop());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "xmpp";
    }
}
