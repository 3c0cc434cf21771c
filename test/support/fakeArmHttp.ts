/** The response helpers the fake Resource Manager servers share (fakeArm.ts, fakeAdoptArm.ts). */
import type { ServerResponse } from "node:http";

/** Items per page: small, so every list the CLIs read crosses a `nextLink`. */
const PAGE_SIZE = 2;

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** An ARM error body: `{ error: { code, message } }`. */
export const fail = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, { error: { code, message } });

/** One page of `items` at `$skipToken`, with a `nextLink` while more remain. */
export function page(res: ServerResponse, url: URL, items: unknown[]): void {
  const start = Number(url.searchParams.get("$skipToken") ?? "0");
  const end = start + PAGE_SIZE;
  const next = new URL(url);
  next.searchParams.set("$skipToken", String(end));
  send(res, 200, { value: items.slice(start, end), ...(end < items.length ? { nextLink: next.href } : {}) });
}
