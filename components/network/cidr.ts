/** IPv4 CIDR arithmetic for validating address plans: parse, size, containment, overlap. Pure. */

export interface Cidr {
  /** The network address as an unsigned 32-bit integer. */
  network: number;
  /** Prefix length, 0-32. */
  prefix: number;
}

export type CidrReading = { ok: true; cidr: Cidr } | { ok: false; reason: string };

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function maskOf(prefix: number): number {
  // `<< 32` is a no-op in JavaScript, so /0 needs its own case.
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function formatCidr(cidr: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => (cidr.network >>> shift) & 0xff);
  return `${octets.join(".")}/${cidr.prefix}`;
}

/**
 * Reads "a.b.c.d/n". Azure stores address prefixes in canonical form and rejects a prefix with host
 * bits set, so "10.0.0.1/24" is refused with the canonical form as a hint.
 */
export function readCidr(text: string): CidrReading {
  const malformed = { ok: false, reason: "must be an IPv4 CIDR range such as 10.20.0.0/24" } as const;
  const [address, prefixText, extra] = text.split("/");
  if (address === undefined || prefixText === undefined || extra !== undefined) return malformed;
  const octets = address.split(".");
  if (octets.length !== 4 || !octets.every((o) => OCTET.test(o))) return malformed;
  if (!/^(\d|[12]\d|3[0-2])$/.test(prefixText)) return malformed;
  const prefix = Number(prefixText);
  const value = octets.reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const network = (value & maskOf(prefix)) >>> 0;
  if (network !== value) {
    return {
      ok: false,
      reason: `has host bits set; the range it starts is ${formatCidr({ network, prefix })}`,
    };
  }
  return { ok: true, cidr: { network, prefix } };
}

/** Parses a CIDR the config schema has already validated; throws on bad input. */
export function parseCidr(text: string): Cidr {
  const reading = readCidr(text);
  if (!reading.ok) throw new Error(`${text}: ${reading.reason}`);
  return reading.cidr;
}

/** Number of addresses in the range. */
export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** True when every address of `inner` is in `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.prefix <= inner.prefix && (inner.network & maskOf(outer.prefix)) >>> 0 === outer.network;
}

/** CIDR blocks are either nested or disjoint, so two overlap exactly when one contains the other. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}
