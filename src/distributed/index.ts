export { type ChatWorkerOptions, startChatWorker } from './chat-worker.js';
export { type FoldWorker, type FoldWorkerOptions, startFoldWorker } from './fold-worker.js';
export { checkRedis, parseRedisUrl, type RedisTarget } from './redis-connection.js';
export {
  type ChatJobRunner,
  createRemoteChatRunner,
  type RemoteChatRunnerOptions,
} from './remote-chat-runner.js';
export { createRemoteExecutor, type RemoteExecutor, type RemoteExecutorOptions } from './remote-executor.js';
export { remoteExecutorFactory } from './remote-executor-factory.js';
export { describeRemoteStatus, type RemoteStatus, type WorkerLoad } from './remote-status.js';
