/** Held answers, released all together when a condition holds. */
export interface AnswerGate {
  wait(): Promise<void>;
}

/**
 * Holds every caller of `wait()` until `ready()` holds, then releases all of them in the same turn of the
 * event loop (a window of answers goes out together). It checks again every millisecond, but what
 * decides is the condition (say, that every request the client counts in flight has reached the
 * server), never how long it took: a test gets the same result on an idle machine and a loaded one.
 */
export function createAnswerGate(ready: () => boolean): AnswerGate {
  let waiting: (() => void)[] = [];
  let timer: ReturnType<typeof setInterval> | undefined;
  const check = (): void => {
    if (waiting.length === 0 || !ready()) return;
    const released = waiting;
    waiting = [];
    clearInterval(timer);
    timer = undefined;
    for (const release of released) release();
  };
  return {
    wait: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        timer ??= setInterval(check, 1);
        check();
      }),
  };
}
