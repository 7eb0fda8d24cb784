import { z } from 'zod';

/** An instruction longer than this is cut: a proposer's answer is untrusted text. */
export const MAX_INSTRUCTION_CHARS = 2000;

const LABELS = /\{\{\s*labels\s*\}\}/;

const answerSchema = z.object({ instructions: z.array(z.string()) });

/**
 * The instructions in a proposer's answer: the JSON object it was asked for (or, failing that, one
 * instruction per non-empty paragraph), cleaned of control characters, cut to MAX_INSTRUCTION_CHARS,
 * given the `{{labels}}` list when they lack it, with typographic double quotes when they hold both kinds, without duplicates or the current instruction, at
 * most `limit`. The text is only ever sent as a system message: never evaluated, never a key.
 */
export function parseProposals(answer: string, current: string, limit: number): string[] {
  const start = answer.indexOf('{');
  const end = answer.lastIndexOf('}');
  let texts: string[] | undefined;
  if (start >= 0 && end > start) {
    try {
      const parsed = answerSchema.safeParse(JSON.parse(answer.slice(start, end + 1)));
      if (parsed.success) texts = parsed.data.instructions;
    } catch {
      texts = undefined;
    }
  }
  texts ??= answer.split(/\n\s*\n/);
  const seen = new Set([current.trim()]);
  const out: string[] = [];
  for (const raw of texts) {
    let text = withoutControlCharacters(raw).trim().slice(0, MAX_INSTRUCTION_CHARS).trim();
    if (text === '' || text === current.trim()) continue;
    // A model spec (fix.yaml, --model) quotes a value without escapes: one kind of quote must be free.
    if (text.includes("'") && text.includes('"'))
      text = text.replace(/"([^"]*)"/g, '“$1”').replace(/"/g, '”');
    if (!LABELS.test(text))
      text = `${text}\nLabels:\n{{labels}}\nAnswer with the label only, exactly as written above.`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
    if (out.length === limit) break;
  }
  return out;
}

/** Control characters other than tab and newline: no instruction needs them, a terminal may obey them. */
function withoutControlCharacters(text: string): string {
  return Array.from(text)
    .filter((char) => {
      const code = char.charCodeAt(0);
      return code === 9 || code === 10 || (code >= 32 && code !== 127);
    })
    .join('');
}
