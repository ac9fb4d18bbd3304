// One browser's rtcstats stream, replayed against the telemetry collector exactly as lib-jitsi-meet speaks it
// (DESIGN §3; the collector's bench/LoadGenerator and test support Frames do the same): subprotocol 3.1_STANDARD,
// nothing sent before the server's {"type":"sn"}, then identity frames and getstats stats-entries
// [name, pcId, payload, clientTsMs, seq]. Samples are stamped on a client clock that runs ahead of real time, so
// 10 s quality windows close in a fraction of a second. Node 20 needs --experimental-websocket.

const WINDOW_MS = 10_000;
const SAMPLE_MS = 2_000;

/** Good: no loss, 5 ms jitter, 40 ms RTT (MOS ≈ 4.4). Bad: 20 % receive loss, 60 ms jitter, 400 ms RTT. */
export const GOOD = { lossPct: 0, jitterS: 0.005, rttS: 0.04 };
export const BAD = { lossPct: 20, jitterS: 0.06, rttS: 0.4 };

export async function connect(collectorPort, { room, endpointId, session = `e2e-${Date.now()}` }) {
  const ws = new WebSocket(`ws://127.0.0.1:${collectorPort}/?statsSessionId=${session}&isReconnect=false`, ['3.1_STANDARD']);
  const sn = new Promise((resolve, reject) => {
    ws.addEventListener('message', (m) => { if (JSON.parse(m.data).type === 'sn') resolve(); }, { once: true });
    ws.addEventListener('error', () => reject(new Error(`rtcstats WebSocket to port ${collectorPort} failed`)));
    ws.addEventListener('close', (e) => reject(new Error(`rtcstats closed ${e.code} ${e.reason}`)));
  });
  await sn;
  const frame = (type, data) => ws.send(JSON.stringify({ statsSessionId: session, type, data }));
  // As on join: the conference and this participant's endpoint id (the MUC nick) — untrusted, attributed by the
  // orchestrator from the JWT-verified identity it saw in the MUC.
  frame('identity', [{ applicationName: 'Jitsi Meet', confName: room, endpointId, displayName: 'e2e' }]);
  let seq = 0;
  let ts = Date.now();
  const sent = { bytes: 0, packets: 0, recvBytes: 0, recvPackets: 0, lost: 0 };
  return {
    /** Sends `windows` full 10 s windows of samples of the given quality. */
    async windows(windows, q) {
      for (let i = 0; i < (windows * WINDOW_MS) / SAMPLE_MS; i++) {
        ts += SAMPLE_MS;
        sent.bytes += 125_000; sent.packets += 200;
        const arrived = Math.round(100 * (1 - q.lossPct / 100));
        sent.recvBytes += arrived * 160; sent.recvPackets += arrived; sent.lost += 100 - arrived;
        frame('stats-entry', JSON.stringify(['getstats', 'PC_0', getstats(ts, sent, q), ts, ++seq]));
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close() { ws.close(3001, 'left'); },
  };
}

/** Shaped like the collector's support Frames.getstats: audio+video sent, audio received, remote-inbound RTT. */
function getstats(ts, s, q) {
  return {
    OT01A: { type: 'outbound-rtp', kind: 'audio', timestamp: 0, bytesSent: s.bytes / 4, packetsSent: s.packets / 2 },
    OT01V: { type: 'outbound-rtp', kind: 'video', timestamp: 0, bytesSent: s.bytes - s.bytes / 4,
      packetsSent: s.packets / 2, frameHeight: 360, framesPerSecond: 30 },
    IT01A: { type: 'inbound-rtp', kind: 'audio', timestamp: 0, bytesReceived: s.recvBytes,
      packetsReceived: s.recvPackets, packetsLost: s.lost, jitter: q.jitterS },
    RI01A: { type: 'remote-inbound-rtp', kind: 'audio', timestamp: 0, packetsLost: 0, roundTripTime: q.rttS },
    timestamp: ts,
  };
}
