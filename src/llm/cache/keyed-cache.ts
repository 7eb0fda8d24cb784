/** What the response and embedding caches share: values by key, kept between runs. */
export interface KeyedCache<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
}

/** A process-local cache: values live as long as whoever holds it. */
export function createMemoryKeyedCache<V>(): KeyedCache<V> & { readonly size: () => number } {
  const entries = new Map<string, V>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
    size: () => entries.size,
  };
}

/**
 * The cache a `cache` param names: `memory`, a SQLite file path, or null / `none` for none. The file
 * opens on first use, so a model that never calls (a loaded one that only prints) opens none.
 */
export function cacheFromSpec<V>(
  spec: string | null,
  createMemory: () => KeyedCache<V>,
  openFile: (path: string) => KeyedCache<V>,
): KeyedCache<V> | undefined {
  if (spec === null || spec === 'none') return undefined;
  if (spec === 'memory') return createMemory();
  let opened: KeyedCache<V> | undefined;
  const open = (): KeyedCache<V> => {
    opened ??= openFile(spec);
    return opened;
  };
  return { get: (key) => open().get(key), set: (key, value) => open().set(key, value) };
}
