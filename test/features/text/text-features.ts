import type { ColumnInfo, Features } from '../../../src/core/index.js';

/**
 * Features holding one text column `name` (cell = index into its levels, null → missing), then any
 * numeric columns given, in that order.
 */
export function textFeatures(
  documents: readonly (string | null)[],
  name = 'text',
  numeric: Readonly<Record<string, readonly number[]>> = {},
): Features {
  const levels: string[] = [];
  const codeOf = new Map<string, number>();
  const extra = Object.entries(numeric);
  const cols = 1 + extra.length;
  const data = new Float64Array(documents.length * cols);
  documents.forEach((document, i) => {
    if (document === null) data[i * cols] = Number.NaN;
    else {
      if (!codeOf.has(document)) {
        codeOf.set(document, levels.length);
        levels.push(document);
      }
      data[i * cols] = codeOf.get(document) as number;
    }
    extra.forEach(([, values], k) => {
      data[i * cols + 1 + k] = values[i];
    });
  });
  const columns: ColumnInfo[] = [
    { name, kind: 'text', levels },
    ...extra.map(([column]) => ({ name: column, kind: 'numeric' as const })),
  ];
  return { rows: documents.length, cols, data, columns };
}
