/** Numbers as the report prints them. */
export function fixed(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

export function pct(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : `${(value * 100).toFixed(digits)}%`;
}

export function paramText(params: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return '(as given)';
  return entries.map(([key, value]) => `${key}=${value === null ? 'null' : String(value)}`).join(', ');
}

/** A p-value: two significant digits, or a bound where float64 (or the survival function) runs out. */
export function pValue(p: number): string {
  return p < 1e-16 ? '< 1e-16' : p.toPrecision(2);
}
