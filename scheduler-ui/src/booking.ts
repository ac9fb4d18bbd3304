// The booking form's values → the body of POST /api/v1/meetings (pure, so it is unit-tested).
export interface BookingForm {
  title: string;
  agenda: string;
  hostSite: string;
  date: string;       // YYYY-MM-DD (Vietnamese calendar day)
  startTime: string;  // HH:MM
  endTime: string;    // HH:MM
  weeks: string;      // "" or a count of weekly occurrences
  inviteCodes: string; // codes separated by commas, spaces or new lines
  participation: string; // INTERACTIVE | VIEWER, for the listed sites
  wayIn: string;         // BROWSER | ROOM_SYSTEM | AUDIO
  ruleRegion: string;    // "" for no rule
  ruleKinds: string[];
  ruleParticipation: string;
}

export interface BookingRequest {
  title: string;
  agenda: string;
  hostSite: string;
  start: string;
  end: string;
  rrule: string | null;
  invites: { site: string; participation: string; wayIn: string }[];
  inviteRules: { region: string; kinds: string[]; participation: string }[];
}

export function siteCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,;]+/)) {
    const code = raw.trim().toUpperCase();
    if (code) seen.add(code);
  }
  return [...seen];
}

export function toRequest(f: BookingForm): BookingRequest {
  const weeks = f.weeks.trim();
  const count = weeks === '' ? 0 : Number(weeks);
  return {
    title: f.title.trim(),
    agenda: f.agenda.trim(),
    hostSite: f.hostSite.trim().toUpperCase(),
    start: `${f.date}T${f.startTime}`,
    end: `${f.date}T${f.endTime}`,
    // One occurrence needs no rule; anything that is not a whole number is sent as written so the server names it.
    rrule: weeks === '' || count === 1 ? null : `FREQ=WEEKLY;COUNT=${weeks}`,
    invites: siteCodes(f.inviteCodes).map((site) => ({ site, participation: f.participation, wayIn: f.wayIn })),
    inviteRules: f.ruleRegion
      ? [{ region: f.ruleRegion, kinds: [...f.ruleKinds], participation: f.ruleParticipation }]
      : [],
  };
}

/** Which form field shows a server error: "invites[2].site" → "invites", "inviteRules[0].kinds" → "inviteRules". */
export function formFieldOf(apiField: string): string {
  return apiField.split(/[[.]/, 1)[0];
}
