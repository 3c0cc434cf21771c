/**
 * Preflight against a misbehaving Resource Manager on 127.0.0.1: each hostile behaviour ends in
 * exit 3 within the limits (small ones, set through flags and env as a CI step would), names what
 * was asked, what happened and what to do, prints at most a few KB and never the token.
 */
import type { TokenCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { runPreflightCli } from "../src/preflight/main";
import { type FakeArmState, type Hostile, startFakeArm } from "./support/fakeArm";
import {
  fakeClock,
  fixedToken,
  healthySubscription,
  preflightWithout,
  type RunOptions,
  SUBSCRIPTION,
  stackFile,
  tokenCredential,
} from "./support/preflightRun";

const USAGES = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.CognitiveServices/locations/swedencentral/usages`;
const DELETED = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.CognitiveServices/deletedAccounts`;
const SKUS = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.CognitiveServices/skus`;
const MODELS = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.CognitiveServices/locations/swedencentral/models`;
/** "A few KB": everything preflight prints about one failure. */
const FEW_KB = 4_096;

function hostile(path: string, behaviour: Hostile): FakeArmState {
  return { ...healthySubscription(), hostile: { [path]: behaviour } };
}

async function run(state: FakeArmState, args: string[] = [], options: RunOptions = {}) {
  const result = await preflightWithout(
    state,
    ["--subscription", SUBSCRIPTION, "--config-file", stackFile(), ...args],
    options,
  );
  const asked = (path: string) => result.fake.requests.filter((r) => r.startsWith(`GET ${path}?`)).length;
  return { ...result, asked, printed: result.stdout.length + result.stderr.length };
}

describe("preflight never hangs on a hostile Resource Manager", () => {
  it("does not wait out Retry-After: 3600; it fails naming the endpoint", async () => {
    const { clock, slept } = fakeClock();
    const r = await run(hostile("/usages", { kind: "retry-after", seconds: 3600 }), [], { clock });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Preflight stopped at a limit (");
    expect(r.stderr).toContain(`asked:       GET ${USAGES}`);
    expect(r.stderr).toContain("HTTP 429, asked to retry after 3600 s, more than the 60 s preflight waits");
    expect(r.stderr).toContain("--max-retry-after-ms / PREFLIGHT_MAX_RETRY_AFTER_MS");
    expect(slept).toEqual([]);
    expect(r.asked(USAGES)).toBe(1);
  });

  it("honours a short Retry-After, and backs off with jitter when none is given", async () => {
    const { clock, slept } = fakeClock();
    const state = {
      ...healthySubscription(),
      hostile: { "/usages": { kind: "fail-first", status: 503, times: 2 } },
    } satisfies FakeArmState;
    const r = await run(state, ["--retry-base-ms", "400"], { clock });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // random() is 0.5: each wait is base * 2^attempt * 0.75.
    expect(slept).toEqual([300, 600]);
    // Two refused, then the first page, then the second through nextLink.
    expect(r.asked(USAGES)).toBe(4);

    const { clock: clock2, slept: slept2 } = fakeClock();
    const short = await run(
      hostile("/deletedAccounts", { kind: "retry-after", seconds: 2 }),
      ["--max-retries", "1"],
      {
        clock: clock2,
      },
    );
    expect(slept2).toEqual([2000]);
    expect(short.code).toBe(3);
    expect(short.stderr).toContain(
      "HTTP 429 TooManyRequests after 2 attempt(s): Rate limit exceeded. Retry later.",
    );
    expect(short.stderr).toContain("raise --max-retries / PREFLIGHT_MAX_RETRIES (now 1)");
  });

  it("stops retrying when the next wait would pass the overall deadline", async () => {
    const { clock, slept } = fakeClock();
    const state = hostile("/usages", { kind: "fail-first", status: 503, times: 100 });
    const r = await run(state, ["--max-retries", "10"], {
      clock,
      env: { PREFLIGHT_DEADLINE_MS: "5000", PREFLIGHT_RETRY_BASE_MS: "1000" },
    });
    expect(r.code).toBe(3);
    expect(slept).toEqual([750, 1500]);
    expect(r.stderr).toContain("waiting 3 s (retry after HTTP 503) would pass the overall deadline of 5 s");
    expect(r.stderr).toContain("--deadline-ms / PREFLIGHT_DEADLINE_MS (now 5000)");
  });

  it("detects a nextLink that points at itself after one request", async () => {
    const r = await run(hostile("/deletedAccounts", { kind: "self-next-link" }));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`asked:       GET ${DELETED}`);
    expect(r.stderr).toContain("nextLink after page 1 points at a page already read");
    expect(r.stderr).toContain("the list loops");
    expect(r.asked(DELETED)).toBe(1);
  });

  it("stops an endless list at the page cap", async () => {
    const r = await run(hostile("/deletedAccounts", { kind: "endless-next-link" }), [], {
      env: { PREFLIGHT_MAX_PAGES: "5" },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("still more pages after 5 (page cap)");
    expect(r.stderr).toContain("--max-pages / PREFLIGHT_MAX_PAGES (now 5)");
    expect(r.asked(DELETED)).toBe(5);
  });

  it("gives up on a server that accepts the connection and never answers", async () => {
    const r = await run(hostile("/skus", { kind: "hang" }), ["--request-timeout-ms", "200"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`asked:       GET ${SKUS}`);
    expect(r.stderr).toContain("no complete answer within 0.2 s (per-request timeout)");
    expect(r.stderr).toContain("--request-timeout-ms / PREFLIGHT_REQUEST_TIMEOUT_MS (now 200)");
    expect(r.asked(SKUS)).toBe(1);
  });

  it("is bounded by the overall deadline even when one request may take longer", async () => {
    const r = await run(hostile("/skus", { kind: "hang" }), ["--deadline-ms", "300"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("waiting for the answer would pass the overall deadline of 0.3 s");
  });

  it("gives up on a body that drips one byte at a time", async () => {
    const r = await run(hostile("/models", { kind: "drip", intervalMs: 20 }), [], {
      env: { PREFLIGHT_REQUEST_TIMEOUT_MS: "300" },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`asked:       GET ${MODELS}`);
    expect(r.stderr).toContain("no complete answer within 0.3 s (per-request timeout)");
  });

  it("stops reading a 50 MB malformed body at the size cap and prints a few lines", async () => {
    const r = await run(hostile("/usages", { kind: "huge-body", bytes: 50 * 1024 * 1024 }));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("the answer's body is larger than 16777216 bytes");
    expect(r.stderr).toContain("reading stopped");
    expect(r.printed).toBeLessThan(FEW_KB);
  });

  it("reports a malformed body under the cap with a short excerpt only", async () => {
    const r = await run(hostile("/usages", { kind: "huge-body", bytes: 2 * 1024 * 1024 }));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("Azure Resource Manager's answer could not be read (");
    expect(r.stderr).toMatch(/HTTP 200 with a body that is not JSON \(\d+ characters\): \{not json/);
    expect(r.printed).toBeLessThan(FEW_KB);
  });
});

describe("preflight never hangs outside Resource Manager either", () => {
  it("gives up on a sign-in that never returns a token", async () => {
    const never: TokenCredential = { getToken: () => new Promise(() => undefined) };
    const r = await run(healthySubscription(), ["--request-timeout-ms", "200"], { credential: never });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("asked:       sign-in (DefaultAzureCredential)");
    expect(r.stderr).toContain("happened:    no token within 0.2 s");
    expect(r.fake.requests).toEqual([]);
  });

  it("retries a refused connection a bounded number of times, then says Resource Manager could not be reached", async () => {
    const gone = await startFakeArm(healthySubscription());
    await gone.close();
    const { clock, slept } = fakeClock();
    let stderr = "";
    const code = await runPreflightCli(
      [
        "--stack",
        "pf",
        "--subscription",
        SUBSCRIPTION,
        "--config-file",
        stackFile(),
        "--arm-endpoint",
        gone.url,
      ],
      {
        env: { PREFLIGHT_MAX_RETRIES: "2" },
        stdout: () => undefined,
        stderr: (t) => {
          stderr += t;
        },
        credential: () => fixedToken,
        clock,
      },
    );
    expect(code).toBe(3);
    expect(stderr).toContain("Azure Resource Manager could not be reached");
    expect(stderr).toContain("no answer after 3 attempt(s): ECONNREFUSED");
    expect(slept.length).toBeGreaterThanOrEqual(2);
  });
});

describe("preflight never prints a secret", () => {
  // JWT-shaped, like an Entra ID access token.
  const JWT = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${"eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0"}.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg`;
  const secrets = [JWT, "c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ", "0123456789abcdef0123456789abcdef"];

  it("scrubs an error body that echoes the Authorization header, in text and --json runs", async () => {
    for (const json of [[], ["--json"]]) {
      const state = { ...hostile("/deletedAccounts", { kind: "echo-auth" }), token: JWT };
      const r = await run(state, json, { credential: tokenCredential(JWT) });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(
        "HTTP 400 InvalidAuthenticationToken: The request headers were: authorization=Bearer [redacted]",
      );
      for (const secret of secrets) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
      expect(r.stderr).toContain("sig=[redacted]");
      expect(r.stderr).toContain("api-key: [redacted]");
      expect(r.printed).toBeLessThan(FEW_KB);
    }
  });

  it("scrubs Resource Manager's words quoted in check rows, whatever the token looks like", async () => {
    const token = "plain-opaque-token-value";
    const state = healthySubscription();
    state.token = token;
    state.takenSubdomains["aoai-pf-swc"] =
      `taken; request had Authorization: ${token} and key 0123456789abcdef0123456789abcdef`;
    for (const json of [[], ["--json"]]) {
      const r = await run(state, json, { credential: tokenCredential(token) });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("taken; request had Authorization: [redacted] and key [redacted]");
      expect(`${r.stdout}${r.stderr}`).not.toContain(token);
      expect(`${r.stdout}${r.stderr}`).not.toContain("0123456789abcdef0123456789abcdef");
    }
  });
});

describe("limit flags and variables", () => {
  it("rejects a limit that is not a whole number, naming the flag, before signing in", async () => {
    const r = await run(healthySubscription(), ["--request-timeout-ms", "soon"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '--request-timeout-ms: "soon" is not a whole number of ms above 0 (default 30000)\n',
    );
    expect(r.fake.requests).toEqual([]);
    const env = await run(healthySubscription(), [], { env: { PREFLIGHT_MAX_PAGES: "0" } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain(
      'PREFLIGHT_MAX_PAGES: "0" is not a whole number of times above 0 (default 100)',
    );
  });

  it("takes the flag over the environment variable", async () => {
    const r = await run(hostile("/deletedAccounts", { kind: "endless-next-link" }), ["--max-pages", "3"], {
      env: { PREFLIGHT_MAX_PAGES: "7" },
    });
    expect(r.stderr).toContain("still more pages after 3 (page cap)");
  });
});
