/**
 * A data row as a sentence names it: the 0-based index the JSON `rows` field holds, labelled so that no
 * one reads it as a 1-based count or a line number.
 */
export function rowWords(fileRow: number): string {
  return `data row ${fileRow} (0-based, header excluded)`;
}

/** The share of `whole` as people write it: "4.2 %", "13 %". */
export function percentWords(part: number, whole: number): string {
  if (whole === 0) return '0 %';
  const value = (100 * part) / whole;
  return `${value < 10 && value > 0 ? value.toFixed(1) : Math.round(value)} %`;
}

/**
 * A class name inside a sentence, quoted as JSON quotes it ("virginica", "late \"fee\""), so that a label
 * that is an ordinary word, or holds spaces or quotes, reads as a name and never runs into the sentence.
 */
export function labelWords(label: string): string {
  return JSON.stringify(label);
}
