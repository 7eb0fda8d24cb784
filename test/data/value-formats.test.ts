import { describe, expect, it } from 'vitest';
import { detectValueFormat, parseDateValue, parseFormattedNumber } from '../../src/data/index.js';

describe('value formats of text columns', () => {
  it('recognises ISO dates, with or without a time', () => {
    expect(detectValueFormat(['2021-03-04', '2022-12-31', '2020-02-29'])).toEqual({
      kind: 'date',
      order: 'iso',
      ambiguous: false,
    });
    expect(detectValueFormat(['2021-03-04T10:00:00Z', '2021-03-05 11:30'])).toMatchObject({ kind: 'date' });
  });

  it('reads the day/month order from a day above 12, and says when nothing tells them apart', () => {
    expect(detectValueFormat(['25/12/2020', '03/04/2021'])).toMatchObject({ order: 'day-first' });
    expect(detectValueFormat(['12/25/2020', '03/04/2021'])).toMatchObject({ order: 'month-first' });
    expect(detectValueFormat(['01/02/2020', '03/04/2021'])).toMatchObject({
      order: 'month-first',
      ambiguous: true,
    });
  });

  it('does not call impossible dates or plain categories dates', () => {
    expect(detectValueFormat(['2021-02-30', '2021-13-01', '2021-00-10'])).toEqual({ kind: 'none' });
    expect(detectValueFormat(['red', 'green', '2021-01-01'])).toEqual({ kind: 'none' });
    expect(parseDateValue('2021-02-30', 'iso')).toBeNaN();
  });

  it('recognises thousands separators and decimal commas, and leaves ambiguous mixtures alone', () => {
    expect(detectValueFormat(['52,000', '1,234,567.5', '900'])).toEqual({
      kind: 'number',
      style: 'thousands-comma',
    });
    expect(detectValueFormat(['3,14', '0,5', '12'])).toEqual({ kind: 'number', style: 'decimal-comma' });
    expect(detectValueFormat(['1.234,5', '2,75'])).toEqual({ kind: 'number', style: 'decimal-comma' });
    // A thousands group never starts with 0: "0,125" is an eighth.
    expect(detectValueFormat(['0,125', '1,250'])).toEqual({ kind: 'number', style: 'decimal-comma' });
    // A plain 4-digit number next to "1,234": no single reading explains both.
    expect(detectValueFormat(['1,234', '5678'])).toEqual({ kind: 'none' });
    expect(detectValueFormat(['a,b', 'c'])).toEqual({ kind: 'none' });
  });

  it('parses each style to the number it spells', () => {
    expect(parseFormattedNumber('52,000', 'thousands-comma')).toBe(52000);
    expect(parseFormattedNumber('-1,234,567.25', 'thousands-comma')).toBe(-1234567.25);
    expect(parseFormattedNumber('1.234,5', 'decimal-comma')).toBe(1234.5);
    expect(parseFormattedNumber('3,14', 'decimal-comma')).toBe(3.14);
    expect(parseFormattedNumber('12,34', 'thousands-comma')).toBeNaN();
  });

  it('reads dates as UTC instants (2024-03-01 is 19,783 days after 1970-01-01)', () => {
    expect(parseDateValue('2024-03-01', 'iso') / 86_400_000).toBe(19783);
    expect(parseDateValue('01/03/2024', 'day-first')).toBe(parseDateValue('2024-03-01', 'iso'));
    expect(parseDateValue('2024/03/01', 'year-first')).toBe(parseDateValue('2024-03-01', 'iso'));
  });
});
