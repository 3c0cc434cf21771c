import { describe, expect, it } from "vitest";
import type { ConfigError } from "../src/config/errors";
import { parseStackConfig } from "../src/config/load";
import { carriesCredential, secretKeysFromEnvironment } from "../src/config/secrets";
import { minimalConfig, problemsOf } from "./support/stackConfig";

const TOKEN = "t0k3n-9f8e7d6c5b4a";
const monitored = () => ({
  ...minimalConfig(),
  monitoring: { workspace: { name: "log-test" }, actionGroup: { name: "ag-test", shortName: "ag" } },
});

describe("secrets never appear in config errors", () => {
  it("prints the key and the rule of a bad webhook URL, never the URL", () => {
    const lines = problemsOf({
      ...monitored(),
      alertWebhookUrl: `http://hooks.example.com/a?token=${TOKEN}`,
    });
    expect(lines).toEqual([
      "aoai-platform:alertWebhookUrl: [secret]: must be an https:// URL (set it with pulumi config set --secret)",
    ]);
  });

  it("hides the value of any key the stack stores secure:, wherever the problem is inside it", () => {
    const values = { ...minimalConfig(), tags: { owner: 42 } };
    const run = (secretKeys: string[]) => {
      try {
        parseStackConfig(values as never, "test", { secretKeys });
        return "";
      } catch (error) {
        return (error as ConfigError).message;
      }
    };
    expect(run([])).toContain("aoai-platform:tags.owner: 42:");
    expect(run(["aoai-platform:tags"])).toContain("aoai-platform:tags.owner: [secret]:");
    expect(run(["aoai-platform:tags"])).not.toContain("42");
  });

  it("hides any value that carries a credential, whatever its key", () => {
    const lines = problemsOf({ ...minimalConfig(), apiVersion: `https://x.example/?sig=${TOKEN}` });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^aoai-platform:apiVersion: \[secret\]: /);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("recognises credentials in URLs: tokens, signatures, user info, token-like path segments", () => {
    expect(carriesCredential(`https://h.example/x?token=${TOKEN}`)).toBe(true);
    expect(
      carriesCredential(
        "https://prod.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sp=x&sv=1&sig=abc",
      ),
    ).toBe(true);
    expect(carriesCredential("https://user:pass@h.example/")).toBe(true);
    expect(carriesCredential("https://hooks.slack.com/services/T0000/B0000/AbCdEfGhIjKlMnOpQrStUvWx12")).toBe(
      true,
    );
    expect(carriesCredential("https://aoai-contoso.openai.azure.com/")).toBe(false);
    expect(carriesCredential("platform-team@contoso.com")).toBe(false);
  });

  it("reads the secret keys the Node.js language host passes to the program", () => {
    expect(
      secretKeysFromEnvironment({ PULUMI_CONFIG_SECRET_KEYS: '["aoai-platform:alertWebhookUrl"]' }),
    ).toEqual(["aoai-platform:alertWebhookUrl"]);
    expect(secretKeysFromEnvironment({})).toEqual([]);
    expect(secretKeysFromEnvironment({ PULUMI_CONFIG_SECRET_KEYS: "not json" })).toEqual([]);
  });
});
