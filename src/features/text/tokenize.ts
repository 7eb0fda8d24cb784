/**
 * sklearn's default word tokens, token_pattern r"(?u)\b\w\w+\b": maximal runs of two or more word
 * characters. Python's Unicode \w is a letter, a number or '_' (str.isalnum() or '_'); combining marks are
 * not word characters in either language, so "café" written with U+0301 splits as in Python.
 */
const WORD_RUN = /[\p{L}\p{N}_]{2,}/gu;

export function wordTokens(text: string, lowercase: boolean): string[] {
  return (lowercase ? text.toLowerCase() : text).match(WORD_RUN) ?? [];
}

/**
 * sklearn's `_word_ngrams`: the tokens themselves when minN is 1, then every run of n consecutive tokens
 * joined by one space for n = max(minN, 2) .. maxN, in that order.
 */
export function wordNgrams(tokens: readonly string[], minN: number, maxN: number): string[] {
  if (maxN === 1) return minN === 1 ? [...tokens] : [];
  const out: string[] = minN === 1 ? [...tokens] : [];
  for (let n = Math.max(minN, 2); n <= Math.min(maxN, tokens.length); n++) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  }
  return out;
}

/**
 * Python's string order (by code point). JS compares UTF-16 code units, which puts characters above
 * U+FFFF (surrogate pairs, D800–DFFF) before U+E000–U+FFFF; the first differing unit is remapped so
 * that surrogates sort last, which is the code-point order.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
