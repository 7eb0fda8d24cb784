import { ModeldebugError } from '../../core/errors.js';
import type { ColumnInfo, Features } from '../../core/features.js';

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The text of one cell: a category or text cell is its level, a number its shortest form, missing ''. */
export function cellText(features: Features, row: number, column: number): string {
  const value = features.data[row * features.cols + column];
  if (Number.isNaN(value)) return '';
  const info = features.columns[column];
  if (info.kind === 'numeric' || !info.levels) return String(value);
  return info.levels[value] ?? '';
}

export type RowRenderer = (features: Features, row: number) => string;

/**
 * Compiles a `{{column}}` template against the columns: an unknown placeholder is an error at fit time
 * (listing the columns), not an empty string in ten thousand prompts. No template: `name: value` lines.
 */
export function compileRowTemplate(template: string | null, columns: readonly ColumnInfo[]): RowRenderer {
  const index = new Map(columns.map((column, j) => [column.name, j]));
  if (template === null) {
    return (features, row) =>
      columns.map((column, j) => `${column.name}: ${cellText(features, row, j)}`).join('\n');
  }
  const parts: (string | number)[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const j = index.get(match[1]);
    if (j === undefined) {
      throw new ModeldebugError('invalid_param', `the template names a column "${match[1]}" the data lacks`, {
        where: 'param template',
        hint: `use {{name}} with one of: ${columns.map((column) => column.name).join(', ')}`,
      });
    }
    parts.push(template.slice(last, match.index), j);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return (features, row) =>
    parts.map((part) => (typeof part === 'number' ? cellText(features, row, part) : part)).join('');
}
