import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLlmProgress } from '../../../src/cli/format/llm-progress.js';
import type { RunProgress } from '../../../src/llm/engine/run-progress.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, {
    isTTY,
    columns: 160,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream, text: () => chunks.join('') };
}

const progress = (done: number, overrides: Partial<RunProgress> = {}): RunProgress => ({
  done,
  total: 200,
  errors: 3,
  cacheHits: 0,
  elapsedMs: 10_000,
  rate: done / 10,
  etaSeconds: (200 - done) / (done / 10),
  promptTokens: 1000,
  completionTokens: 50,
  costUsd: 0.0123,
  ...overrides,
});

describe('the LLM progress display on stderr', () => {
  it('draws a bar with done / total, errors, rate, ETA and cost on a terminal', () => {
    const { stream, text } = fakeStream(true);
    const display = createLlmProgress(true, stream);
    display.sink!(progress(1));
    display.sink!(progress(120));
    display.stop();
    expect(text()).toContain('120/200 · 3 errors · 12.0/s · ETA 0:07 · $0.0123');
  });

  it('writes a plain status line at most every interval when stderr is not a terminal', () => {
    const { stream, text } = fakeStream(false);
    const display = createLlmProgress(true, stream, 0);
    display.sink!(progress(50, { costUsd: undefined }));
    expect(text()).toBe('LLM calls: 50/200 · 3 errors · 5.0/s · ETA 0:30 · 1050 tokens\n');
    const quiet = fakeStream(false);
    const slow = createLlmProgress(true, quiet.stream, 60_000);
    slow.sink!(progress(50));
    expect(quiet.text()).toBe('');
  });

  it('prints nothing under --json', () => {
    expect(createLlmProgress(false).sink).toBeUndefined();
  });
});
