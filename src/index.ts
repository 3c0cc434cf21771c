/**
 * The Pulumi program (Pulumi.yaml `main`). The language host requires this module and, because it
 * exports a function, calls it (with no argument) and uses the result as the stack outputs. The config
 * is validated before any resource is registered, so a bad Pulumi.<stack>.yaml creates nothing. The
 * offline plan, which has validated the same values already, passes its result in instead.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./config/errors";
import { type LoadedConfig, parseAllConfig } from "./config/load";
import { secretKeysFromEnvironment } from "./config/secrets";
import { definePlatform } from "./program";
import { PROVIDER_SETTINGS } from "./providerSettings";

function loadConfig() {
  try {
    return parseAllConfig(pulumi.runtime.allConfig(), pulumi.getStack(), {
      secretKeys: secretKeysFromEnvironment(),
      providerSettings: PROVIDER_SETTINGS,
    });
  } catch (error) {
    // A RunError is printed without a stack trace: the message already names every bad key.
    if (error instanceof ConfigError) throw new pulumi.RunError(error.message);
    throw error;
  }
}

export = async (validated?: LoadedConfig) => {
  const { config, warnings } = validated ?? loadConfig();
  for (const warning of warnings) {
    pulumi.log.warn(`${warning.key}: ${warning.message} [${warning.rule}]`);
  }
  return definePlatform(config);
};
