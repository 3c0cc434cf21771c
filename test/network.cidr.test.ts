import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cidrContains,
  cidrSize,
  cidrsOverlap,
  formatCidr,
  parseCidr,
  readCidr,
} from "../components/network/cidr";

describe("readCidr", () => {
  it("reads canonical ranges", () => {
    expect(readCidr("10.40.0.0/24")).toEqual({ ok: true, cidr: { network: 0x0a280000, prefix: 24 } });
    expect(readCidr("0.0.0.0/0")).toEqual({ ok: true, cidr: { network: 0, prefix: 0 } });
    expect(readCidr("255.255.255.255/32")).toEqual({ ok: true, cidr: { network: 0xffffffff, prefix: 32 } });
  });

  it.each([
    "10.0.0.0",
    "10.0.0/24",
    "10.0.0.256/24",
    "10.0.0.0/33",
    "10.0.0.0/24/1",
    "010.0.0.0/8",
    "a.b.c.d/8",
    "10.0.0.0/",
    "",
  ])("rejects the malformed %j", (text) => {
    expect(readCidr(text)).toEqual({ ok: false, reason: "must be an IPv4 CIDR range such as 10.20.0.0/24" });
  });

  it("rejects host bits and names the range they start", () => {
    expect(readCidr("10.0.0.1/24")).toEqual({
      ok: false,
      reason: "has host bits set; the range it starts is 10.0.0.0/24",
    });
    expect(() => parseCidr("10.0.0.1/24")).toThrow("10.0.0.1/24: has host bits set");
  });
});

describe("CIDR arithmetic", () => {
  it("sizes, containment and overlap on known ranges", () => {
    expect(cidrSize(parseCidr("10.0.0.0/27"))).toBe(32);
    expect(cidrSize(parseCidr("0.0.0.0/0"))).toBe(2 ** 32);
    expect(cidrContains(parseCidr("10.40.0.0/24"), parseCidr("10.40.0.32/27"))).toBe(true);
    expect(cidrContains(parseCidr("10.40.0.0/24"), parseCidr("10.41.0.0/27"))).toBe(false);
    expect(cidrContains(parseCidr("10.40.0.0/27"), parseCidr("10.40.0.0/24"))).toBe(false);
    expect(cidrsOverlap(parseCidr("10.0.0.0/16"), parseCidr("10.0.128.0/24"))).toBe(true);
    expect(cidrsOverlap(parseCidr("10.0.0.0/24"), parseCidr("10.0.1.0/24"))).toBe(false);
  });

  const cidr = fc
    .record({ address: fc.integer({ min: 0, max: 0xffffffff }), prefix: fc.integer({ min: 0, max: 32 }) })
    .map(({ address, prefix }) => {
      const size = 2 ** (32 - prefix);
      return { network: address - (address % size), prefix };
    });
  const range = (c: { network: number; prefix: number }) => [c.network, c.network + cidrSize(c) - 1] as const;

  it("formats and reads back every canonical range", () => {
    fc.assert(
      fc.property(cidr, (c) => {
        expect(parseCidr(formatCidr(c))).toEqual(c);
      }),
    );
  });

  it("overlap and containment agree with the address intervals", () => {
    fc.assert(
      fc.property(cidr, cidr, (a, b) => {
        const [aFirst, aLast] = range(a);
        const [bFirst, bLast] = range(b);
        expect(cidrsOverlap(a, b)).toBe(aFirst <= bLast && bFirst <= aLast);
        expect(cidrContains(a, b)).toBe(aFirst <= bFirst && bLast <= aLast);
      }),
    );
  });
});
