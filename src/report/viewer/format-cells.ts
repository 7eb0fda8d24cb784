/** A score as the CLI prints it (4 decimals), a dash when there is none. */
export function formatScore(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(4) : '—';
}

/** `2026-11-26T12:18:38.123Z` → `2026-11-26 12:18 UTC`. */
export function formatDate(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

/** A signed difference with 4 decimals (`+0.0133`, `-0.0200`, `0.0000`), a dash when a side is missing. */
export function formatDelta(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  const text = Math.abs(delta).toFixed(4);
  if (Number(text) === 0) return text;
  return delta > 0 ? `+${text}` : `-${text}`;
}
