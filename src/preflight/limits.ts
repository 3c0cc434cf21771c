/**
 * How long and how much preflight waits for and reads from Resource Manager. Defaults fit one CI
 * step; each limit can be set by flag or environment variable (the flag wins). Hitting any of them
 * ends preflight with exit 3 and says which limit, what happened and what to do.
 */
import { DEFAULT_RETIREMENT_HORIZON_DAYS } from "./facts";

export interface Limits {
  /** One HTTP request, from sending it to the last byte of its body. */
  requestTimeoutMs: number;
  /** The whole run: every request, retry wait and sign-in together. */
  deadlineMs: number;
  /** A Retry-After longer than this is not waited for. */
  maxRetryAfterMs: number;
  /** Retries of one request after 429, 5xx or a dropped connection. */
  maxRetries: number;
  /** First backoff when no Retry-After is given; doubles per retry, with jitter. */
  retryBaseMs: number;
  /** Pages of one list (`nextLink`s followed). */
  maxPages: number;
  /** Bytes of one response body; reading stops there. */
  maxBodyBytes: number;
  /** A model version retiring within this many days fails the model-retirement check. */
  retirementHorizonDays: number;
}

export const DEFAULT_LIMITS: Limits = {
  requestTimeoutMs: 30_000,
  deadlineMs: 300_000,
  maxRetryAfterMs: 60_000,
  maxRetries: 3,
  retryBaseMs: 1_000,
  maxPages: 100,
  maxBodyBytes: 16 * 1024 * 1024,
  retirementHorizonDays: DEFAULT_RETIREMENT_HORIZON_DAYS,
};

interface LimitOption {
  key: keyof Limits;
  flag: string;
  env: string;
  unit: "ms" | "count" | "bytes" | "days";
  /** Zero allowed (e.g. no retries). */
  zero: boolean;
}

export const LIMIT_OPTIONS: readonly LimitOption[] = [
  {
    key: "requestTimeoutMs",
    flag: "request-timeout-ms",
    env: "PREFLIGHT_REQUEST_TIMEOUT_MS",
    unit: "ms",
    zero: false,
  },
  { key: "deadlineMs", flag: "deadline-ms", env: "PREFLIGHT_DEADLINE_MS", unit: "ms", zero: false },
  {
    key: "maxRetryAfterMs",
    flag: "max-retry-after-ms",
    env: "PREFLIGHT_MAX_RETRY_AFTER_MS",
    unit: "ms",
    zero: true,
  },
  { key: "maxRetries", flag: "max-retries", env: "PREFLIGHT_MAX_RETRIES", unit: "count", zero: true },
  { key: "retryBaseMs", flag: "retry-base-ms", env: "PREFLIGHT_RETRY_BASE_MS", unit: "ms", zero: true },
  { key: "maxPages", flag: "max-pages", env: "PREFLIGHT_MAX_PAGES", unit: "count", zero: false },
  {
    key: "maxBodyBytes",
    flag: "max-body-bytes",
    env: "PREFLIGHT_MAX_BODY_BYTES",
    unit: "bytes",
    zero: false,
  },
  {
    key: "retirementHorizonDays",
    flag: "retirement-horizon-days",
    env: "PREFLIGHT_RETIREMENT_HORIZON_DAYS",
    unit: "days",
    zero: true,
  },
];

export class LimitsError extends Error {
  override name = "LimitsError";
}

/** Reads every limit from `flags` (parseArgs values) or `env`, else its default. */
export function resolveLimits(
  flags: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const option of LIMIT_OPTIONS) {
    const flag = flags[option.flag];
    const [source, raw] =
      typeof flag === "string" ? [`--${option.flag}`, flag] : [option.env, env[option.env]];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || (value === 0 && !option.zero)) {
      throw new LimitsError(
        `${source}: "${raw}" is not a whole number of ${option.unit === "count" ? "times" : option.unit}${option.zero ? "" : " above 0"} (default ${DEFAULT_LIMITS[option.key]})`,
      );
    }
    limits[option.key] = value;
  }
  return limits;
}
