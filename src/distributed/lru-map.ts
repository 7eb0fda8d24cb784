/** A Map that drops its least recently used entries beyond `capacity` (after `onEvict`, if given). */
export interface LruMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  values(): IterableIterator<V>;
}

export function createLruMap<K, V>(capacity: number, onEvict?: (value: V) => void): LruMap<K, V> {
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      for (const [oldest, old] of entries) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
        onEvict?.(old);
      }
    },
    delete: (key) => {
      entries.delete(key);
    },
    values: () => entries.values(),
  };
}
