/**
 * The one way preflight talks to Azure Resource Manager: plain REST reads through fetch, with every
 * limit of limits.ts applied in one place (per-request timeout, overall deadline, bounded retries
 * with jitter, a cap on Retry-After, on pages and on body size), `nextLink` loop detection, and
 * nothing secret in any error it raises. Tokens go only to the endpoint's origin: over https, or
 * plain http to this machine's loopback interface (see armEndpoint.ts).
 */
import type { TokenCredential } from "@azure/identity";
import { z } from "zod";
import type { ArmEndpoint } from "./armEndpoint";
import type { Clock } from "./clock";
import type { Limits } from "./limits";
import { printable } from "./redact";

export type ArmErrorKind = "limit" | "refused" | "unreadable" | "unreachable";

/** A read that could not be done. Every field is already safe to print. */
export class ArmError extends Error {
  override name = "ArmError";
  constructor(
    readonly kind: ArmErrorKind,
    /** `GET /subscriptions/.../usages`: what was asked. */
    readonly asked: string,
    /** What happened instead. */
    readonly happened: string,
    /** What to do about it. */
    readonly todo: string,
  ) {
    super(`${asked}: ${happened}`);
  }
}

/** Statuses worth another try: throttling and the gateway's transient failures. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export interface ArmReader {
  /** A resource, or undefined when Resource Manager answers 404. */
  get<T>(path: string, apiVersion: string, schema: z.ZodType<T>): Promise<T | undefined>;
  post<T>(path: string, apiVersion: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  /** Every item of a paged list (`{ value, nextLink }`). */
  list<T>(path: string, apiVersion: string, item: z.ZodType<T>): Promise<T[]>;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** Thrown inside one attempt when the connection failed (worth a retry). */
class ConnectionFailed extends Error {}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Milliseconds to wait as the answer asks (`retry-after-ms`, or `Retry-After` seconds or HTTP date). */
export function retryAfterMs(headers: Headers, now: Date): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = Number(headers.get(name) ?? Number.NaN);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers.get("retry-after");
  if (header === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** The body as text, reading at most `max` bytes: a larger body is not read further. */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge(declared);
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(size);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

class BodyTooLarge extends Error {
  constructor(readonly bytes: number) {
    super("body too large");
  }
}

interface ErrorBody {
  code: string | undefined;
  message: string | undefined;
}

/** `{ error: { code, message } }`, Resource Manager's error shape, when the body has it. */
function errorBodyOf(text: string): ErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (error === undefined || error === null) return undefined;
    return {
      code: typeof error.code === "string" ? error.code : undefined,
      message: typeof error.message === "string" ? error.message : undefined,
    };
  } catch {
    return undefined;
  }
}

export interface ArmHttpOptions {
  endpoint: ArmEndpoint;
  credential: TokenCredential;
  limits: Limits;
  clock: Clock;
}

export class ArmHttp implements ArmReader {
  private readonly deadlineAt: number;
  private token: Promise<{ token: string; expiresOnTimestamp: number }> | undefined;
  private tokenExpiresAt: number | undefined;
  /** Tokens handed out so far: scrubbed from anything printed, whatever it looks like. */
  private readonly secrets: string[] = [];

  constructor(private readonly options: ArmHttpOptions) {
    this.deadlineAt = options.clock.now() + options.limits.deadlineMs;
  }

  /** Strings that must never be printed (the tokens used). */
  knownSecrets(): readonly string[] {
    return this.secrets;
  }

  async get<T>(path: string, apiVersion: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const url = this.url(path, apiVersion);
    const answer = await this.send("GET", url, undefined);
    if (answer.status === 404) return undefined;
    return this.parse("GET", url, answer, schema);
  }

  async post<T>(path: string, apiVersion: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const url = this.url(path, apiVersion);
    return this.parse("POST", url, await this.send("POST", url, JSON.stringify(body)), schema);
  }

  async list<T>(path: string, apiVersion: string, item: z.ZodType<T>): Promise<T[]> {
    const page = z.object({ value: z.array(item).optional(), nextLink: z.string().nullish() });
    const items: T[] = [];
    const seen = new Set<string>();
    let url = this.url(path, apiVersion);
    for (let pages = 1; ; pages++) {
      seen.add(url.href);
      const body = await this.parse("GET", url, await this.send("GET", url, undefined), page);
      items.push(...(body.value ?? []));
      if (!body.nextLink) return items;
      const next = this.nextUrl(url, body.nextLink);
      if (seen.has(next.href)) {
        throw new ArmError(
          "limit",
          this.asked("GET", url),
          `nextLink after page ${pages} points at a page already read (${printable(next.pathname + next.search, 160)}): the list loops`,
          "Resource Manager returned a looping list; retry later, and report it to Azure support if it persists",
        );
      }
      if (pages >= this.options.limits.maxPages) {
        throw new ArmError(
          "limit",
          this.asked("GET", url),
          `still more pages after ${pages} (page cap)`,
          `raise --max-pages / PREFLIGHT_MAX_PAGES (now ${this.options.limits.maxPages}) if the list is really this long`,
        );
      }
      url = next;
    }
  }

  private url(path: string, apiVersion: string): URL {
    const url = new URL(path, this.options.endpoint.url);
    url.searchParams.set("api-version", apiVersion);
    return url;
  }

  /** `nextLink` must stay on the endpoint's origin: the token is never sent anywhere else. */
  private nextUrl(current: URL, nextLink: string): URL {
    let next: URL;
    try {
      next = new URL(nextLink, current);
    } catch {
      throw new ArmError(
        "unreadable",
        this.asked("GET", current),
        `nextLink is not a URL: ${printable(nextLink, 120)}`,
        "retry later; report it to Azure support if it persists",
      );
    }
    if (next.origin !== new URL(this.options.endpoint.url).origin) {
      throw new ArmError(
        "unreadable",
        this.asked("GET", current),
        `nextLink points at another host (${printable(next.host, 80)}); preflight sends its token to ${this.options.endpoint.url} only`,
        "check --arm-endpoint / AZURE_ARM_ENDPOINT names your cloud's Resource Manager",
      );
    }
    return next;
  }

  private asked(method: string, url: URL): string {
    return `${method} ${printable(url.pathname, 200)}`;
  }

  private remaining(): number {
    return this.deadlineAt - this.options.clock.now();
  }

  private deadlinePassed(asked: string, doing: string): ArmError {
    return new ArmError(
      "limit",
      asked,
      `${doing} would pass the overall deadline of ${seconds(this.options.limits.deadlineMs)}`,
      `retry later, or raise --deadline-ms / PREFLIGHT_DEADLINE_MS (now ${this.options.limits.deadlineMs})`,
    );
  }

  /** Waits `ms` before a retry, unless that would pass the deadline. */
  private async wait(asked: string, ms: number, why: string): Promise<void> {
    if (ms >= this.remaining()) throw this.deadlinePassed(asked, `waiting ${seconds(ms)} (${why})`);
    await this.options.clock.sleep(ms);
  }

  private backoff(attempt: number): number {
    const { retryBaseMs, maxRetryAfterMs } = this.options.limits;
    return Math.min(maxRetryAfterMs, retryBaseMs * 2 ** attempt * (0.5 + this.options.clock.random() / 2));
  }

  /** The token for the endpoint: one sign-in shared by concurrent requests, renewed a minute before expiry. */
  private bearer(asked: string): Promise<string> {
    const expiresAt = this.tokenExpiresAt;
    const expired = expiresAt !== undefined && expiresAt - 60_000 <= this.options.clock.date().getTime();
    if (this.token === undefined || expired) {
      this.tokenExpiresAt = undefined;
      this.token = this.signIn(asked);
    }
    return this.token.then((token) => token.token);
  }

  private signIn(asked: string): Promise<{ token: string; expiresOnTimestamp: number }> {
    const { credential, endpoint, limits } = this.options;
    const budget = Math.min(limits.requestTimeoutMs, this.remaining());
    if (budget <= 0) return Promise.reject(this.deadlinePassed(asked, "signing in"));
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new ArmError(
            "limit",
            "sign-in (DefaultAzureCredential)",
            `no token within ${seconds(budget)}`,
            "check az login / the CI identity's federated credential, or raise --request-timeout-ms",
          ),
        );
      }, budget);
    });
    return Promise.race([
      credential.getToken(`${endpoint.url}/.default`, { abortSignal: controller.signal }).then((token) => {
        if (token === null) throw new Error("the credential returned no token");
        this.secrets.push(token.token);
        this.tokenExpiresAt = token.expiresOnTimestamp;
        return token;
      }),
      timeout,
    ]).finally(() => clearTimeout(timer));
  }

  /** One request with retries; returns the final answer (any status). */
  private async send(method: string, url: URL, body: string | undefined): Promise<Answer> {
    const asked = this.asked(method, url);
    const { limits, clock } = this.options;
    for (let attempt = 0; ; attempt++) {
      let answer: Answer;
      try {
        answer = await this.once(method, url, body, asked);
      } catch (error) {
        if (!(error instanceof ConnectionFailed)) throw error;
        if (attempt >= limits.maxRetries) {
          throw new ArmError(
            "unreachable",
            asked,
            `no answer after ${attempt + 1} attempt(s): ${error.message}`,
            `check the network path to ${this.options.endpoint.url}, or retry later`,
          );
        }
        await this.wait(asked, this.backoff(attempt), "backoff after a failed connection");
        continue;
      }
      if (!RETRYABLE_STATUS.has(answer.status)) return answer;
      const asks = retryAfterMs(answer.headers, clock.date());
      if (asks !== undefined && asks > limits.maxRetryAfterMs) {
        throw new ArmError(
          "limit",
          asked,
          `HTTP ${answer.status}, asked to retry after ${seconds(asks)}, more than the ${seconds(limits.maxRetryAfterMs)} preflight waits`,
          `Resource Manager is throttling this identity or subscription: retry later, or raise --max-retry-after-ms / PREFLIGHT_MAX_RETRY_AFTER_MS`,
        );
      }
      if (attempt >= limits.maxRetries) {
        const error = errorBodyOf(answer.text);
        throw new ArmError(
          "limit",
          asked,
          `HTTP ${answer.status}${error?.code ? ` ${printable(error.code, 80)}` : ""} after ${attempt + 1} attempt(s)${error?.message ? `: ${printable(error.message, 200, this.secrets)}` : ""}`,
          `retry later, or raise --max-retries / PREFLIGHT_MAX_RETRIES (now ${limits.maxRetries})`,
        );
      }
      await this.wait(asked, asks ?? this.backoff(attempt), `retry after HTTP ${answer.status}`);
    }
  }

  /** One attempt, bounded by the per-request timeout and what is left of the deadline. */
  private async once(method: string, url: URL, body: string | undefined, asked: string): Promise<Answer> {
    const { endpoint, limits } = this.options;
    // Defence in depth: armEndpoint.ts only allows https, or plain http to this machine.
    if (
      url.origin !== new URL(endpoint.url).origin ||
      (url.protocol !== "https:" && !endpoint.insecureLoopback)
    ) {
      throw new ArmError(
        "unreadable",
        asked,
        "refusing to send a token to another host or over plain http",
        "report this bug",
      );
    }
    const token = await this.bearer(asked);
    const remaining = this.remaining();
    if (remaining <= 0) throw this.deadlinePassed(asked, "another request");
    const budget = Math.min(limits.requestTimeoutMs, remaining);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), budget);
    try {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body,
        redirect: "manual",
        signal: controller.signal,
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        throw new ArmError(
          "unreadable",
          asked,
          `HTTP ${response.status} redirect; preflight does not follow redirects (the token would go along)`,
          "check --arm-endpoint / AZURE_ARM_ENDPOINT names your cloud's Resource Manager",
        );
      }
      const text = await readCapped(response, limits.maxBodyBytes);
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (error instanceof ArmError) throw error;
      if (error instanceof BodyTooLarge) {
        throw new ArmError(
          "limit",
          asked,
          `the answer's body is larger than ${limits.maxBodyBytes} bytes (read ${error.bytes}); reading stopped`,
          `raise --max-body-bytes / PREFLIGHT_MAX_BODY_BYTES if the answer is really this large`,
        );
      }
      if (controller.signal.aborted) {
        const isDeadline = budget < limits.requestTimeoutMs;
        throw isDeadline
          ? this.deadlinePassed(asked, "waiting for the answer")
          : new ArmError(
              "limit",
              asked,
              `no complete answer within ${seconds(budget)} (per-request timeout)`,
              `retry later, or raise --request-timeout-ms / PREFLIGHT_REQUEST_TIMEOUT_MS (now ${limits.requestTimeoutMs})`,
            );
      }
      const cause = (error as { cause?: { code?: unknown } }).cause;
      const code = typeof cause?.code === "string" ? cause.code : (error as Error).message;
      throw new ConnectionFailed(printable(code, 80));
    } finally {
      clearTimeout(timer);
    }
  }

  /** A 2xx answer's JSON, shaped as the API documents; anything else is an ArmError. */
  private parse<T>(method: string, url: URL, answer: Answer, schema: z.ZodType<T>): T {
    const asked = this.asked(method, url);
    if (answer.status < 200 || answer.status >= 300) {
      const error = errorBodyOf(answer.text);
      const detail = error
        ? `${printable(error.code ?? "", 80)}: ${printable(error.message ?? "", 300, this.secrets)}`
        : printable(answer.text, 200, this.secrets);
      throw new ArmError(
        "refused",
        asked,
        `HTTP ${answer.status} ${detail}`,
        answer.status === 401 || answer.status === 403
          ? "give the signed-in identity read access to this scope (see the README's preflight table), or sign in as one that has it"
          : "see Resource Manager's message above",
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw new ArmError(
        "unreadable",
        asked,
        `HTTP ${answer.status} with a body that is not JSON (${answer.text.length} characters): ${printable(answer.text, 120, this.secrets)}`,
        "retry later; a proxy between here and Resource Manager may be answering instead",
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ArmError(
        "unreadable",
        asked,
        `the answer is not shaped like the API's response (${printable(issue?.path.join(".") ?? "", 80)}: ${printable(issue?.message ?? "", 120)})`,
        "retry later; a proxy between here and Resource Manager may be answering instead",
      );
    }
    return parsed.data;
  }
}
