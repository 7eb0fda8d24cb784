import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { parseRedisUrl, type RedisTarget } from '../../src/distributed/index.js';

export interface TestRedis {
  /** A URL for one database of the server (tests use separate ones, so they can run side by side). */
  url(db: number): string;
  stop(): Promise<void>;
}

/**
 * The Redis the distributed tests talk to: MODELDEBUG_TEST_REDIS_URL when set (.ci/run starts one),
 * else a throwaway redis-server on 127.0.0.1, a free port, no persistence, stopped by its pid. Without
 * redis-server installed the tests fail with how to install it, rather than pass without running.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const given = process.env.MODELDEBUG_TEST_REDIS_URL;
  if (given) {
    const base = new URL(given);
    return { url: (db) => withDb(base, db), stop: async () => {} };
  }
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error(
      'the distributed tests need redis-server: install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set MODELDEBUG_TEST_REDIS_URL=redis://HOST:PORT',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'modeldebug-redis-'));
  const server: ChildProcess = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const base = new URL(`redis://127.0.0.1:${port}`);
  await waitForPing(base.toString());
  return {
    url: (db) => withDb(base, db),
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      if (server.pid !== undefined && server.exitCode === null) process.kill(server.pid, 'SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One test Redis for a test file: started before its tests and stopped after them. `emptyTarget(db)`
 * flushes database `db` and gives it as a connection target.
 */
export function useTestRedis(): { emptyTarget(db: number): Promise<RedisTarget> } {
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
  }, 30_000);
  afterAll(async () => {
    await redis?.stop();
  });
  return {
    async emptyTarget(db) {
      if (!redis) throw new Error('the test Redis has not started');
      const url = redis.url(db);
      await flushDb(url);
      return parseRedisUrl(url);
    },
  };
}

/** Empties one database of the test server (what a test left there must not leak into the next). */
export async function flushDb(url: string): Promise<void> {
  const redis = new Redis(url);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

function withDb(base: URL, db: number): string {
  const url = new URL(base.toString());
  url.pathname = `/${db}`;
  return url.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      redis.disconnect();
    }
  }
  throw new Error(`redis-server did not answer at ${url}`);
}
