import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from '../cli/run-cli.js';

describe('worker and search --redis: bad input is one line', () => {
  it('names the flag for a missing, malformed or unreachable Redis', () => {
    const missing = runCli(['worker']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain("required option '--redis <url>'");
    expectOneLineError(runCli(['worker', '--redis', 'http://localhost:6379']), '--redis', 'not a Redis URL');
    expectOneLineError(
      runCli(['worker', '--redis', 'redis://127.0.0.1:1', '--concurrency', '0']),
      '--concurrency must be a whole number of at least 1',
    );
    expectOneLineError(
      runCli(['worker', '--redis', 'redis://:secret-password@127.0.0.1:1']),
      '--redis: cannot reach Redis at redis://:***@127.0.0.1:1',
    );
    const store = join(mkdtempSync(join(tmpdir(), 'modeldebug-redis-cli-')), 'runs.db');
    const search = runCli(
      [
        'search',
        '--example',
        'iris',
        '--model',
        'logreg',
        '--grid',
        'C=1',
        '--redis',
        'redis://127.0.0.1:1',
      ].concat(['--store', store]),
    );
    expectOneLineError(search, '--redis: cannot reach Redis at redis://127.0.0.1:1', 'start redis-server');
    expect(search.stderr).not.toContain('secret');
  });
});
