/**
 * Text columns that are really dates or numbers: recognised from their distinct values so that `run`
 * can turn them into numbers instead of one-hot encoding thousands of "categories".
 */

export type DateOrder = 'iso' | 'day-first' | 'month-first' | 'year-first';
export type NumberStyle = 'thousands-comma' | 'decimal-comma';

export type ValueFormat =
  | {
      readonly kind: 'date';
      readonly order: DateOrder;
      /** Day and month could be either way round (every day ≤ 12): read month first, and say so. */
      readonly ambiguous: boolean;
    }
  | { readonly kind: 'number'; readonly style: NumberStyle }
  | { readonly kind: 'none' };

/** A few unreadable values (typos) do not stop a column from being a date column; they become missing. */
const MIN_PARSED_SHARE = 0.98;

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const THOUSANDS_COMMA = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN_INTEGER = /^[+-]?\d+$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+),\d+$/;

/** The format of a column from its distinct present values (trimmed); `none` when neither. */
export function detectValueFormat(values: readonly string[]): ValueFormat {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  if (present.length === 0) return { kind: 'none' };
  return detectDate(present) ?? detectNumber(present) ?? { kind: 'none' };
}

function detectDate(values: readonly string[]): ValueFormat | undefined {
  const need = Math.ceil(MIN_PARSED_SHARE * values.length);
  if (values.filter((value) => ISO.test(value) && validParts(value, 'iso')).length >= need)
    return { kind: 'date', order: 'iso', ambiguous: false };
  if (values.filter((value) => YEAR_SLASH.test(value) && validParts(value, 'year-first')).length >= need)
    return { kind: 'date', order: 'year-first', ambiguous: false };
  const slashed = values.flatMap((value) => {
    const match = DAY_MONTH_YEAR.exec(value);
    return match ? [[Number(match[1]), Number(match[2])]] : [];
  });
  if (slashed.length < need) return undefined;
  const firstOver12 = slashed.some(([first]) => first > 12);
  const secondOver12 = slashed.some(([, second]) => second > 12);
  if (firstOver12 && secondOver12) return undefined;
  const order: DateOrder = firstOver12 ? 'day-first' : 'month-first';
  if (values.filter((value) => validParts(value, order)).length < need) return undefined;
  return { kind: 'date', order, ambiguous: !firstOver12 && !secondOver12 };
}

function detectNumber(values: readonly string[]): ValueFormat | undefined {
  const withComma = values.filter((value) => value.includes(','));
  if (withComma.length === 0) return undefined;
  const plain = values.filter((value) => !value.includes(','));
  // "0,5" or "3,14" cannot be thousands; "52,000" and "1,234,567.5" cannot be decimal commas unless every
  // value happens to have exactly three decimals, which real decimal data does not.
  const decimal =
    withComma.every((value) => DECIMAL_COMMA.test(value)) &&
    plain.every((value) => PLAIN_INTEGER.test(value)) &&
    withComma.some((value) => !THOUSANDS_COMMA.test(value));
  if (decimal) return { kind: 'number', style: 'decimal-comma' };
  const thousands =
    withComma.every((value) => THOUSANDS_COMMA.test(value)) &&
    plain.every((value) => PLAIN_NUMBER.test(value) && Math.abs(Number.parseFloat(value)) < 1000);
  if (thousands) return { kind: 'number', style: 'thousands-comma' };
  return undefined;
}

/** The number a cell spells in `style`; NaN when it does not read. */
export function parseFormattedNumber(value: string, style: NumberStyle): number {
  const text = value.trim();
  if (style === 'thousands-comma') {
    return THOUSANDS_COMMA.test(text) || PLAIN_NUMBER.test(text)
      ? Number(text.replaceAll(',', ''))
      : Number.NaN;
  }
  if (!(DECIMAL_COMMA.test(text) || PLAIN_INTEGER.test(text))) return Number.NaN;
  return Number(text.replaceAll('.', '').replace(',', '.'));
}

/** Milliseconds since 1970-01-01 UTC of a date cell in `order` (time of day kept for ISO); NaN if invalid. */
export function parseDateValue(value: string, order: DateOrder): number {
  const parts = dateParts(value.trim(), order);
  if (parts === undefined) return Number.NaN;
  const [year, month, day, hour, minute, second] = parts;
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March: such a cell is not a date.
  const check = new Date(time);
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? time : Number.NaN;
}

function validParts(value: string, order: DateOrder): boolean {
  return Number.isFinite(parseDateValue(value, order));
}

function dateParts(value: string, order: DateOrder): number[] | undefined {
  if (order === 'iso') {
    const match = ISO.exec(value);
    if (!match) return undefined;
    return [1, 2, 3, 4, 5, 6].map((k) => Number(match[k] ?? 0));
  }
  if (order === 'year-first') {
    const match = YEAR_SLASH.exec(value);
    return match ? [Number(match[1]), Number(match[2]), Number(match[3]), 0, 0, 0] : undefined;
  }
  const match = DAY_MONTH_YEAR.exec(value);
  if (!match) return undefined;
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return order === 'day-first' ? [year, second, first, 0, 0, 0] : [year, first, second, 0, 0, 0];
}

/** Describes a format in a finding: "dates (yyyy-mm-dd)", "numbers with thousands separators (52,000)". */
export function describeValueFormat(format: ValueFormat): string {
  if (format.kind === 'date') {
    const spelled = {
      iso: 'yyyy-mm-dd',
      'year-first': 'yyyy/mm/dd',
      'day-first': 'dd/mm/yyyy',
      'month-first': 'mm/dd/yyyy',
    }[format.order];
    return `dates (${spelled}${format.ambiguous ? ', day and month ambiguous: read month first' : ''})`;
  }
  if (format.kind === 'number') {
    return format.style === 'thousands-comma'
      ? 'numbers written with thousands separators (52,000)'
      : 'numbers written with decimal commas (3,14)';
  }
  return 'text';
}
