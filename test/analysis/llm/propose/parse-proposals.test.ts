import { describe, expect, it } from 'vitest';
import { MAX_INSTRUCTION_CHARS, parseProposals } from '../../../../src/analysis/llm/propose/index.js';

describe('parseProposals (the proposer answer is untrusted text)', () => {
  it('reads the JSON object, even inside prose, and keeps {{labels}} where the proposer put it', () => {
    const answer = `Sure!\n${JSON.stringify({ instructions: ['Sort it:\n{{labels}}', 'Be brief. {{ labels }}'] })}\nDone.`;
    expect(parseProposals(answer, 'old', 5)).toEqual(['Sort it:\n{{labels}}', 'Be brief. {{ labels }}']);
  });

  it('adds the label list to an instruction that lacks it, drops duplicates and the current one, caps the count', () => {
    const answer = JSON.stringify({
      instructions: ['old', 'A {{labels}}', 'A {{labels}}', 'B', 'C {{labels}}'],
    });
    const parsed = parseProposals(answer, 'old', 2);
    expect(parsed).toEqual([
      'A {{labels}}',
      'B\nLabels:\n{{labels}}\nAnswer with the label only, exactly as written above.',
    ]);
  });

  it('cuts long instructions and strips control characters (an escape sequence stays text, never runs)', () => {
    const long = `x${'y'.repeat(5000)}`;
    const answer = JSON.stringify({ instructions: [long, '\u001b[2J\u0007clear {{labels}}'] });
    const [cut, cleaned] = parseProposals(answer, 'old', 5);
    expect(cut.startsWith('x'.concat('y'.repeat(MAX_INSTRUCTION_CHARS - 1)))).toBe(true);
    expect(cut.length).toBeLessThan(MAX_INSTRUCTION_CHARS + 80);
    expect(cleaned).toBe('[2Jclear {{labels}}');
  });

  it('turns double quotes typographic when both kinds appear, so a model spec can quote the instruction', () => {
    const answer = JSON.stringify({
      instructions: [`Say "ham" if it's personal {{labels}}`, 'Say "ham" {{labels}}'],
    });
    expect(parseProposals(answer, 'old', 5)).toEqual([
      "Say “ham” if it's personal {{labels}}",
      'Say "ham" {{labels}}',
    ]);
  });

  it('falls back to one instruction per paragraph when the answer is not the JSON asked for', () => {
    expect(parseProposals('First {{labels}}\n\nSecond {{labels}}\n', 'old', 5)).toEqual([
      'First {{labels}}',
      'Second {{labels}}',
    ]);
    expect(parseProposals('{"instructions": "not a list"} {{labels}}', 'old', 5)).toEqual([
      '{"instructions": "not a list"} {{labels}}',
    ]);
  });
});
