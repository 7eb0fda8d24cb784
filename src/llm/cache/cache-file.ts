/**
 * What a model spec cannot say about the steps that call an endpoint (LLM classifier, embeddings): set
 * by whoever runs them (the CLI's run store), never a param, so a saved model or a spec's params hold
 * hyperparameters only.
 */
export interface CacheFileRuntime {
  /**
   * The SQLite file those steps cache their answers in when their spec gives no `cache` param. A path
   * rather than an open cache, so worker threads open the same file and share its answers.
   */
  readonly cacheFile?: string;
}

/** The runtime's cache file, unless the step's own params choose a cache (the user's choice wins). */
export function cacheFileFor(rawParams: unknown, runtime: CacheFileRuntime | undefined): string | undefined {
  const chosen = typeof rawParams === 'object' && rawParams !== null && 'cache' in rawParams;
  return chosen ? undefined : runtime?.cacheFile;
}
