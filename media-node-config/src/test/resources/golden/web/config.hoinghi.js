// Rendered by HoiNghi media-node-config. Append to /etc/jitsi/meet/meet.hoinghi.gov.vn-config.js after `var config`.
config.hiddenDomain = "recorder.meet.hoinghi.gov.vn";
config.defaultLanguage = 'vi';
config.lastNLimits = { 20: 20, 30: 15, 50: 10, 90: 2 };
config.analytics = Object.assign({}, config.analytics, {
    rtcstatsEnabled: true,
    rtcstatsEndpoint: "wss://telemetry.hoinghi.moj.gov.vn/rtcstats",
    rtcstatsPollInterval: 10000
});
