package vn.hoinghi.media.render;

import static vn.hoinghi.media.render.Quote.q;

import java.util.stream.Collectors;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetSpec;

/**
 * The Jitsi Meet config.js settings HoiNghi relies on, as statements appended after the site's own
 * {@code var config = {...}}: the hidden domain (hides Jibri and HoiNghi's occupant), rtcstats to the collector,
 * the Vietnamese UI, and the same last-N limits the capacity model assumes.
 */
final class WebConfigRenderer {
    private WebConfigRenderer() {
    }

    static String render(FleetSpec f, CapacityModel m) {
        String lastN = m.lastNLimits().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        return """
                // Rendered by HoiNghi media-node-config. Append to /etc/jitsi/meet/%1$s-config.js after `var config`.
                config.hiddenDomain = %2$s;
                config.defaultLanguage = 'vi';
                config.lastNLimits = { %3$s };
                config.analytics = Object.assign({}, config.analytics, {
                    rtcstatsEnabled: true,
                    rtcstatsEndpoint: %4$s,
                    rtcstatsPollInterval: 10000
                });
                """.formatted(f.domain(), q(f.hiddenDomain()), lastN, q(f.rtcstatsEndpoint()));
    }
}
