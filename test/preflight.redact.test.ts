/** What preflight prints is scrubbed of secrets and cut to size; permissions match like Azure RBAC's. */
import { describe, expect, it } from "vitest";
import { retryAfterMs } from "../src/preflight/armHttp";
import { allows } from "../src/preflight/checks/rights";
import { printable, scrub } from "../src/preflight/redact";

describe("scrub", () => {
  it.each([
    ["Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer [redacted]"],
    ["token eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcm0ifQ.c2lnbmF0dXJl end", "token [redacted] end"],
    [
      "https://st.blob.core.windows.net/c/b?sv=2022-11-02&sig=AbC%2Fd3f%3D&se=2026",
      "https://st.blob.core.windows.net/c/b?sv=2022-11-02&sig=[redacted]&se=2026",
    ],
    ['{"api-key": "k3y-value"}', '{"api-key": "[redacted]"}'],
    ["Ocp-Apim-Subscription-Key: abcdef", "Ocp-Apim-Subscription-Key: [redacted]"],
    [
      "AccountKey=Zm9vYmFy;EndpointSuffix=core.windows.net",
      "AccountKey=[redacted];EndpointSuffix=core.windows.net",
    ],
    ["key1 0123456789abcdef0123456789ABCDEF", "key1 [redacted]"],
    ["storage key q1W2e3R4t5Y6u7I8o9P0aSdFgHjKlZxCvBnM1234+/AbCdEfGh==", "storage key [redacted]"],
  ])("replaces %s", (text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  it("replaces any known secret, whatever it looks like", () => {
    expect(scrub("got plain-token-value back", ["plain-token-value"])).toBe("got [redacted] back");
  });

  it("keeps what is not secret: resource ids, GUIDs, model names, action names", () => {
    const text =
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-pf/providers/Microsoft.CognitiveServices/accounts/aoai-pf-swc " +
      "Microsoft.CognitiveServices/locations/usages/read OpenAI.GlobalStandard.gpt-4.1-mini 2025-04-14";
    expect(scrub(text)).toBe(text);
  });
});

describe("printable", () => {
  it("cuts long text after scrubbing and says how long it was", () => {
    const text = `Bearer ${"t".repeat(50)} ${"x".repeat(1_000)}`;
    const out = printable(text, 40);
    expect(out).toBe(`Bearer [redacted] ${"x".repeat(22)}… (1058 characters, cut)`);
  });

  it("flattens control characters (no terminal escapes from a body)", () => {
    expect(printable("a\u001b[31mred\u0007b")).toBe("a [31mred b");
  });
});

describe("allows", () => {
  const contributor = {
    actions: ["*"],
    notActions: ["Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete"],
  };

  it("matches wildcards case-insensitively and honours notActions per entry", () => {
    expect(allows([contributor], "Microsoft.CognitiveServices/accounts/write")).toBe(true);
    expect(allows([contributor], "Microsoft.Authorization/roleAssignments/write")).toBe(false);
    expect(allows([{ actions: ["*/read"], notActions: [] }], "Microsoft.Network/virtualNetworks/read")).toBe(
      true,
    );
    expect(allows([{ actions: ["*/read"], notActions: [] }], "Microsoft.Network/virtualNetworks/write")).toBe(
      false,
    );
    expect(
      allows(
        [{ actions: ["microsoft.network/*"], notActions: [] }],
        "Microsoft.Network/privateEndpoints/write",
      ),
    ).toBe(true);
  });

  it("allows what another entry grants even when one entry excludes it", () => {
    const admin = { actions: ["Microsoft.Authorization/roleAssignments/write"], notActions: [] };
    expect(allows([contributor, admin], "Microsoft.Authorization/roleAssignments/write")).toBe(true);
    expect(allows([], "Microsoft.CognitiveServices/accounts/write")).toBe(false);
  });
});

describe("retryAfterMs", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  it("reads seconds, an HTTP date, and retry-after-ms", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "3600" }), now)).toBe(3_600_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Mon, 01 Jun 2026 00:00:30 GMT" }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterMs(new Headers({}), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
  });
});
