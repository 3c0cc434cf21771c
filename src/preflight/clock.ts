/** Time and chance as preflight sees them; tests pass their own so waits take no real time. */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): the jitter of retry backoffs. */
  random(): number;
  /** Wall-clock time, for retirement dates and HTTP-date Retry-After values. */
  date(): Date;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  date: () => new Date(),
};
