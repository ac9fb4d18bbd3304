// Vietnamese first: every screen is written in Vietnamese and English is a switch, for visitors and for staff who
// prefer it. Strings stay inline as tr('…', '…') pairs beside the code that shows them, so a screen and its two
// languages change together and no key file drifts out of step.
export type Lang = 'vi' | 'en';

const KEY = 'hoinghi.lang';

export function lang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked (private mode on old browsers): stay Vietnamese
  }
}

export function setLang(l: Lang): void {
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // not remembered across visits; the page still switches
  }
  document.documentElement.lang = l;
}

/** The text in the chosen language. */
export function tr(vi: string, en: string): string {
  return lang() === 'en' ? en : vi;
}

/**
 * A table of codes → labels in both languages, read in the language chosen at the moment of reading (each entry
 * is a getter), so `table[code]`, `label(table, code)` and `Object.entries(table)` follow the switch.
 */
export function words<K extends string>(pairs: Record<K, readonly [string, string]>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const [code, [vi, en]] of Object.entries(pairs) as [K, readonly [string, string]][]) {
    Object.defineProperty(out, code, { enumerable: true, get: () => tr(vi, en) });
  }
  return out;
}
