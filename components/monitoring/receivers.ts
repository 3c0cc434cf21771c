/**
 * Email receivers of the action group, named by their address and listed in address order, so
 * reordering `actionGroup.emails` changes nothing in Azure.
 */
import { createHash } from "node:crypto";

export interface EmailReceiver {
  name: string;
  emailAddress: string;
  useCommonAlertSchema: boolean;
}

/** `email-` and 12 hex digits of SHA-256 over the lower-cased address (mail domains are case-insensitive). */
export function emailReceiverName(address: string): string {
  return `email-${createHash("sha256").update(address.toLowerCase()).digest("hex").slice(0, 12)}`;
}

export function emailReceivers(addresses: readonly string[]): EmailReceiver[] {
  return [...addresses]
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .map((emailAddress) => ({
      name: emailReceiverName(emailAddress),
      emailAddress,
      useCommonAlertSchema: true,
    }));
}
