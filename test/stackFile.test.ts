import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAllConfig } from "../src/config/load";
import { OFFLINE_SECRET_PLACEHOLDER } from "../src/config/offlineSecret";
import { assertNoProjectConfig, readStackConfigFile } from "../src/plan/stackFile";
import { writeStackFile } from "./support/planCli";

const read = (config: string) => readStackConfigFile(writeStackFile(`config:\n${config}`));

describe("the stack file as the Pulumi CLI hands it to the program (PULUMI_CONFIG)", () => {
  it("keeps strings as written and writes every other value as Go's JSON (sorted keys)", () => {
    const { values } = read(
      [
        "  aoai-platform:environment: dev",
        "  aoai-platform:apiVersion: 2024-10-21",
        "  aoai-platform:flag: NO",
        "  aoai-platform:count: 0150",
        "  aoai-platform:nothing: ~",
        "  aoai-platform:tags: { zeta: z, alpha: 0150, beta: yes }",
        "  aoai-platform:list: [1, on, '0150']",
      ].join("\n"),
    );
    expect(values).toEqual({
      "aoai-platform:environment": "dev",
      "aoai-platform:apiVersion": "2024-10-21",
      "aoai-platform:flag": "false",
      "aoai-platform:count": "104",
      "aoai-platform:nothing": "null",
      "aoai-platform:tags": '{"alpha":104,"beta":true,"zeta":"z"}',
      "aoai-platform:list": '[1,true,"0150"]',
    });
  });

  it("reads the old <namespace>:config:<name> form as <namespace>:<name> and refuses other shapes", () => {
    expect(read("  aoai-platform:config:location: swedencentral").values).toEqual({
      "aoai-platform:location": "swedencentral",
    });
    expect(() => read("  a:b:c: x")).toThrow(/config key "a:b:c" must be <namespace>:<name>/);
  });

  it("marks a key secret when its value holds a secure value anywhere, and never decodes it", () => {
    const file = read(
      [
        "  aoai-platform:alertWebhookUrl:",
        "    secure: v1:AAAA",
        "  aoai-platform:monitoring:",
        "    nested: { token: { secure: v1:BBBB }, plain: x }",
        "  aoai-platform:location: swedencentral",
      ].join("\n"),
    );
    expect(file.secretKeys).toEqual(["aoai-platform:alertWebhookUrl", "aoai-platform:monitoring"]);
    expect(file.values["aoai-platform:alertWebhookUrl"]).toBe(OFFLINE_SECRET_PLACEHOLDER);
    expect(JSON.parse(file.values["aoai-platform:monitoring"] ?? "")).toEqual({
      nested: { plain: "x", token: OFFLINE_SECRET_PLACEHOLDER },
    });
    expect(JSON.stringify(file)).not.toMatch(/v1:AAAA|v1:BBBB/);
  });

  it("warns, with the full key path, wherever YAML 1.1 and YAML 1.2 read a value differently", () => {
    const { warnings } = read(
      [
        "  aoai-platform:accounts:",
        "    - name: a",
        "      localAuthEnabled: NO",
        "      deployments:",
        "        - { name: chat, capacity: 0150 }",
        "  aoai-platform:location: swedencentral",
      ].join("\n"),
    );
    expect(warnings.map((w) => [w.rule, w.key])).toEqual([
      ["config.yaml11-scalar", "aoai-platform:accounts[0].localAuthEnabled"],
      ["config.yaml11-scalar", "aoai-platform:accounts[0].deployments[0].capacity"],
    ]);
    expect(warnings[0]?.message).toMatch(
      /`NO` is read as false by the Pulumi CLI .*booleans.*YAML 1\.2 tools read the text "NO"/,
    );
    expect(warnings[1]?.message).toMatch(/`0150` is read as 104 .*leading 0 makes an octal number.*read 150/);
  });

  it("warns about merge order, duplicate keys and ignored tags", () => {
    const { warnings, values } = read(
      [
        "  aoai-platform:defaults: &d { sku: Standard, capacity: 10 }",
        "  aoai-platform:deployment: { capacity: 50, <<: *d }",
        "  aoai-platform:dup: { a: 1, a: 2 }",
        "  aoai-platform:tagged: !Secret value",
      ].join("\n"),
    );
    expect(values["aoai-platform:deployment"]).toBe('{"capacity":10,"sku":"Standard"}');
    expect(warnings.map((w) => [w.rule, w.key])).toEqual([
      ["config.merge-order", "aoai-platform:deployment.capacity"],
      ["config.duplicate-key", "aoai-platform:dup.a"],
      ["config.ignored-tag", "aoai-platform:tagged"],
    ]);
  });

  it("refuses a value that does not fit its tag, naming the key path", () => {
    expect(() => read("  aoai-platform:tags: { owner: !!int team }")).toThrow(
      /: aoai-platform:tags\.owner: a !!int tag on a value that is not an int$/,
    );
  });

  it("refuses a value JSON cannot carry, naming the key", () => {
    expect(() => read("  aoai-platform:budget: { amount: .inf }")).toThrow(
      /aoai-platform:budget: Infinity cannot be written as JSON/,
    );
  });

  it("warns about a token-bearing URL in plaintext, without printing it", () => {
    const { warnings } = read(
      [
        "  aoai-platform:alertWebhookUrl: https://hooks.example.com/alerts?token=s3cr3t-t0ken",
        "  aoai-platform:monitoring: { webhooks: [https://user:pa55@example.com/x] }",
        "  aoai-platform:location: swedencentral",
      ].join("\n"),
    );
    expect(warnings.map((w) => [w.rule, w.key])).toEqual([
      ["config.plaintext-secret", "aoai-platform:alertWebhookUrl"],
      ["config.plaintext-secret", "aoai-platform:monitoring.webhooks[0]"],
    ]);
    expect(warnings[0]?.message).toContain("pulumi config set --secret aoai-platform:alertWebhookUrl");
    expect(warnings[1]?.message).toContain("--secret --path 'aoai-platform:monitoring.webhooks[0]'");
    expect(JSON.stringify(warnings)).not.toMatch(/s3cr3t|pa55/);
  });

  it("never prints a secret key's value in a dialect warning", () => {
    const { warnings } = read("  aoai-platform:alertWebhookUrl: 0777");
    const dialect = warnings.find((w) => w.rule === "config.yaml11-scalar");
    expect(dialect?.key).toBe("aoai-platform:alertWebhookUrl");
    expect(dialect?.message).not.toMatch(/0777|511/);
  });

  it("refuses project-level config in Pulumi.yaml, which the plan would not see", () => {
    expect(() => assertNoProjectConfig("Pulumi.yaml")).not.toThrow();
    const project = writeStackFile(
      "name: p\nruntime: nodejs\nconfig:\n  aoai-platform:location: westeurope\n",
    );
    expect(() => assertNoProjectConfig(project)).toThrow(
      /project-level config \(aoai-platform:location\) applies to every stack under pulumi up/,
    );
  });

  it("validates what the CLI makes of a tag: !!bool off in a tag value is the boolean false, refused", () => {
    const dev = readFileSync("Pulumi.dev.yaml", "utf8").replace(
      "    dataClassification: internal\n",
      "    dataClassification: internal\n    autoShutdown: !!bool off\n",
    );
    const file = readStackConfigFile(writeStackFile(dev));
    expect(JSON.parse(file.values["aoai-platform:tags"] ?? "{}").autoShutdown).toBe(false);
    expect(() => parseAllConfig(file.values, "dev")).toThrow(/aoai-platform:tags\.autoShutdown: false:/);
  });
});
