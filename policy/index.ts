/**
 * Policy pack entry: `pulumi preview --policy-pack policy --policy-pack-config <stack config>`.
 * Constructing a PolicyPack starts the analyzer server, so nothing else imports this file.
 */
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./policies";

new PolicyPack("aoai-platform-baseline", { policies: POLICIES });
