import { describe, expect, it } from 'vitest';
import { runCliAsync } from './run-cli-async.js';

describe('a reader that closes the pipe early', () => {
  it('ends the CLI quietly, as `modeldebug run --help | head -3` does', async () => {
    // The read end closes before the CLI has started, so its first write meets a closed pipe (EPIPE).
    const result = await runCliAsync(['run', '--help'], (child) => child.stdout?.destroy());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
