import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { parseRedisUrl } from './redis-connection.js';
import { createRemoteExecutor, type RemoteExecutor, type RemoteExecutorOptions } from './remote-executor.js';

/**
 * `--redis URL` for code that makes an executor per dataset (the workflow's `createExecutor`): checks
 * the URL now, and gives each dataset a remote executor whose jobs are named by `runKey`.
 */
export function remoteExecutorFactory(
  redisUrl: string,
  options: Pick<RemoteExecutorOptions, 'runKey' | 'signal' | 'onStatus'> = {},
): (dataset: { readonly features: Features; readonly labels: Labels }) => RemoteExecutor {
  const redis = parseRedisUrl(redisUrl);
  return ({ features, labels }) => createRemoteExecutor({ ...options, redis, features, labels });
}
