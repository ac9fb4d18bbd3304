package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * {@code hoinghi_xmpp_enabled} (configuration) and {@code hoinghi_xmpp_connected} (logged in to Prosody now).
 * Both always exist, so "enabled and not connected" is one alert expression, and a demo without XMPP reads 0/0
 * rather than an absent series that no alert can tell from a lost scrape.
 */
@Singleton
public class XmppMetrics implements MeterBinder {
    private final XmppSession session;

    public XmppMetrics(@Nullable XmppSession session) {
        this.session = session;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("hoinghi.xmpp.enabled", this, m -> m.session == null ? 0 : 1)
                .description("1 when the XMPP control plane is configured (hoinghi.xmpp.enabled)").register(registry);
        Gauge.builder("hoinghi.xmpp.connected", this, m -> m.session != null && m.session.isUp() ? 1 : 0)
                .description("1 while the orchestrator is logged in to Prosody").register(registry);
    }
}
