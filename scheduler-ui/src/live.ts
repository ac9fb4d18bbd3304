// A meeting's live event stream (SSE): the browser's EventSource, plus reconnecting after the server closes it.
import { words } from './i18n';

export type LiveState = 'connecting' | 'live' | 'retrying';

export const LIVE_VI: Record<LiveState, string> = words({
  connecting: ['Đang kết nối…', 'Connecting…'], live: ['Trực tiếp', 'Live'],
  retrying: ['Mất kết nối, đang thử lại…', 'Disconnected, retrying…'],
});

/** The events the orchestrator names (LiveEvents); "ready" and "ping" only say the stream is alive. */
const CHANGES = ['joined', 'left', 'call-on', 'call-off', 'call-pending', 'call-failed'];

/** Next wait after a failed attempt: 1 s, 2 s, 4 s … at most 30 s. */
export function nextDelay(previousMs: number): number {
  return Math.min(previousMs * 2, 30_000);
}

/**
 * Follows `url`: `onChange` after each roll-call change and after every (re)connection (events sent while
 * disconnected are lost, so the caller re-reads the roll-call), `onState` for the indicator. Returns a stop function.
 * `types` names the events to pass on (the collector's feed has others); each comes with its name and data.
 */
export function follow(url: string, onChange: (type?: string, data?: string) => void,
                       onState: (s: LiveState) => void, types: string[] = CHANGES): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  const open = () => {
    onState('connecting');
    const es = new EventSource(url, { withCredentials: true });
    source = es;
    es.addEventListener('ready', () => { delay = 1000; onState('live'); onChange(); });
    for (const type of types) {
      es.addEventListener(type, (e) => { delay = 1000; onState('live'); onChange(type, (e as MessageEvent<string>).data); });
    }
    es.onerror = () => {
      onState('retrying');
      // EventSource retries a dropped connection by itself, but gives up on an HTTP error (e.g. a restart's 503).
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        timer = setTimeout(open, delay);
        delay = nextDelay(delay);
      }
    };
  };
  open();
  return () => { clearTimeout(timer); source?.close(); };
}
