// Reserved bridge load of each region over one Vietnamese day, in 15-minute steps, from the meetings' capacity
// holds (each hold covers start − prepare to end + grace). Pure, for the capacity chart.
export interface Hold { region: string; from: string; to: string; bridgePps: number }

export const STEP_S = 15 * 60;

/** Slot start times (Unix seconds) of the Vietnamese day `date` (YYYY-MM-DD, UTC+7, no DST). */
export function daySlots(date: string): number[] {
  const start = Date.parse(`${date}T00:00:00+07:00`) / 1000;
  return Array.from({ length: 96 }, (_, i) => start + i * STEP_S);
}

/** For each region, the sum of the holds open at each slot (a hold counts where it overlaps the slot at all). */
export function reservedByRegion(slots: number[], holds: Hold[], regions: string[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const r of regions) out[r] = slots.map(() => 0);
  for (const hld of holds) {
    const series = out[hld.region];
    if (!series) continue;
    const from = Date.parse(hld.from) / 1000;
    const to = Date.parse(hld.to) / 1000;
    slots.forEach((s, i) => { if (from < s + STEP_S && to > s) series[i] += hld.bridgePps; });
  }
  return out;
}
