import { Redis } from 'ioredis';
import { ModeldebugError } from '../core/errors.js';

/** What BullMQ and our own client connect with: the URL as given (host, port, password, /db). */
export interface RedisTarget {
  readonly url: string;
  /** The database number from the URL's path (0 when none). */
  readonly db: number;
}

/**
 * Checks a `--redis` value: redis:// or rediss:// with a host. The db number in the path
 * (redis://host:6379/2) keeps separate set-ups apart on one server.
 */
export function parseRedisUrl(text: string, flag = '--redis'): RedisTarget {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const db = url ? Number(url.pathname.slice(1) || '0') : Number.NaN;
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || url.hostname === '' || !Number.isInteger(db)) {
    throw new ModeldebugError('invalid_argument', `"${text}" is not a Redis URL`, {
      where: flag,
      hint: 'write it as redis://HOST:6379 (or redis://:PASSWORD@HOST:6379/DB)',
    });
  }
  return { url: text, db };
}

/** The URL without its password, for messages and logs. */
export function describeRedis(target: RedisTarget): string {
  const url = new URL(target.url);
  if (url.password) url.password = '***';
  return url.toString().replace(/\/$/, '');
}

/**
 * An ioredis client that is connected, or a one-line error saying where Redis was expected: a
 * coordinator or worker that cannot reach Redis should stop at once, not retry silently forever.
 */
export async function connectRedis(target: RedisTarget, timeoutMs = 5000): Promise<Redis> {
  const redis = new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: null });
  // An unhandled 'error' event would crash the process; the first one says why connect() failed.
  let firstError: Error | undefined;
  redis.on('error', (error: Error) => {
    firstError ??= error;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new ModeldebugError(
      'invalid_argument',
      `cannot reach Redis at ${describeRedis(target)} (${(firstError ?? error) instanceof Error ? (firstError ?? (error as Error)).message : String(error)})`,
      { where: '--redis', hint: 'start redis-server there, or check the host, port and password' },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Stops a command before it starts anything (a run in the store, a progress bar) when Redis is not there. */
export async function checkRedis(target: RedisTarget): Promise<void> {
  (await connectRedis(target)).disconnect();
}

/** BullMQ's connection options for the target (workers need maxRetriesPerRequest: null). */
export function bullConnection(target: RedisTarget): { url: string; maxRetriesPerRequest: null } {
  return { url: target.url, maxRetriesPerRequest: null };
}
