const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * Parses `90s`, `5m`, `1h30m`, `250ms`, `7d` into milliseconds. A bare number is refused: a
 * timeout of "300" is ambiguous (seconds? milliseconds?) and the error asks for a unit.
 * Returns undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(PART)) {
    if (match.index !== consumed) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
    consumed += match[0].length;
  }
  return consumed === trimmed.length && consumed > 0 ? Math.round(total) : undefined;
}

/**
 * How formatDuration writes for the surface that shows it. `compact` ("5h0m29s", the form the
 * configuration and the inputs accept): the actions' logs and GitHub summaries, where a reader
 * may copy a value into a timeout. `words` ("5 h 0 m 29 s"): a person at a terminal; the
 * command line sets it once at its start, so what it prints from core (summaries, plans,
 * check reports, waits) reads the same as its own lines.
 */
export type DurationStyle = 'compact' | 'words';
let durationStyle: DurationStyle = 'compact';

export function setDurationStyle(style: DurationStyle): void {
  durationStyle = style;
}

/** 93_000 → "1m33s" (or "1 m 33 s" where the style is words); 450 → "450ms". */
export function formatDuration(ms: number): string {
  return durationStyle === 'words' ? formatDurationWords(ms) : formatDurationValue(ms);
}

/**
 * 93_000 → "1m33s" whatever the style: a value a message suggests for the configuration or an
 * input ("make keep-old at least 5m"), which must parse as written.
 */
export function formatDurationValue(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  // No unit is skipped between two shown ones: 5h29s read as five and a half minutes' worth
  // of something; 5h0m29s cannot be misread.
  return `${h ? `${h}h` : ''}${m || (h && s) ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
}

/**
 * 18_029_000 → "5 h 0 m 29 s"; 450 → "450 ms". For a person at a terminal: units apart from
 * their numbers and none skipped between two shown, so "5h29s" is never read as minutes.
 */
export function formatDurationWords(ms: number): string {
  return formatDurationValue(ms)
    .replace(/(\d+(?:\.\d+)?)(ms|h|m|s)/g, '$1 $2 ')
    .trim();
}
