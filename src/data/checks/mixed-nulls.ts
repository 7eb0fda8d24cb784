import { type DataCheck, findingOf } from './check.js';
import type { JsonValue } from './finding.js';

/**
 * One column spelling "missing" several ways ('', 'NA', 'null', ' ') usually means several sources were
 * merged, and some tools will read one spelling as a value (Deepchecks' MixedNulls).
 */
export const mixedNulls: DataCheck = {
  id: 'mixed_nulls',
  title: 'Mixed null markers',
  severity: 'low',
  async run({ train }) {
    const findings = train.columns.flatMap((column) => {
      const markers = Object.entries(column.profile?.markers ?? {});
      if (markers.length < 2) return [];
      const spelled = markers.map(([marker, n]) => `${describeMarker(marker)} ×${n}`);
      return [
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `${markers.length} different spellings of a missing value: ${spelled.join(', ')}`,
          evidence: {
            markers: markers.map(([marker, n]): JsonValue => ({ marker, count: n })),
          },
        }),
      ];
    });
    if (findings.length > 0) return findings;
    return [
      findingOf(this, { status: 'pass', message: 'each column spells missing values one way', evidence: {} }),
    ];
  },
};

function describeMarker(marker: string): string {
  if (marker === '') return "'' (empty)";
  if (marker.trim() === '') return `'${marker}' (whitespace)`;
  return `'${marker}'`;
}
