import { isIP } from "node:net";

/**
 * The address of the client that sent a request, as Waypoint's server (scripts/server.ts) puts it
 * in CLIENT_ADDRESS_HEADER before Next.js sees the request. It is the socket's peer, unless that
 * peer is a proxy named in TRUST_PROXY: then X-Forwarded-For is read from the right, skipping
 * trusted proxies, and the first other address is the client. A client-sent X-Forwarded-For (or
 * our header) never counts when the peer is not trusted, so rate limits can't be dodged by a
 * spoofed header.
 */
export const CLIENT_ADDRESS_HEADER = "x-waypoint-client-ip";

/** Headers only a trusted proxy may set; from anyone else they are dropped. */
export const PROXY_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
] as const;

export function normaliseAddress(address: string | undefined | null): string {
  const trimmed = (address ?? "").trim();
  const v4Mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (v4Mapped ? v4Mapped[1] : trimmed)?.toLowerCase() ?? "";
}

/** TRUST_PROXY: comma-separated addresses; "loopback" stands for 127.0.0.1 and ::1. */
export function parseTrustedProxies(setting: string): ReadonlySet<string> {
  const trusted = new Set<string>();
  for (const entry of setting
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (entry === "loopback") {
      trusted.add("127.0.0.1");
      trusted.add("::1");
    } else if (isIP(normaliseAddress(entry))) trusted.add(normaliseAddress(entry));
    else throw new Error(`TRUST_PROXY: "${entry}" is not an IP address (or "loopback").`);
  }
  return trusted;
}

export function isTrusted(peer: string, trusted: ReadonlySet<string>): boolean {
  return trusted.has(normaliseAddress(peer));
}

export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: ReadonlySet<string>,
): string {
  const socketAddress = normaliseAddress(peer) || "unknown";
  if (!trusted.has(socketAddress) || !forwardedFor) return socketAddress;
  const hops = forwardedFor.split(",").map(normaliseAddress).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index] as string;
    if (!isIP(hop)) return socketAddress; // a malformed chain is not evidence of anything
    if (!trusted.has(hop)) return hop;
  }
  return hops[0] ?? socketAddress;
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, "::" and a dotted IPv4 tail expanded), or null. */
function ipv6Groups(address: string): number[] | null {
  const bare = address.replace(/%.*$/, "");
  if (isIP(bare) !== 6) return null;
  let text = bare;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = (dotted[1] as string).split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  return tail === undefined ? left : [...left, ...Array<number>(missing).fill(0), ...right];
}

/**
 * What per-address rate limits count against. An IPv4 address is one subscriber, but an IPv6
 * subscriber usually gets a whole /64 (and picks a fresh address in it at will), so IPv6 counts
 * per /64 network. IPv4-mapped IPv6 (::ffff:a.b.c.d, in any spelling) is the IPv4 address.
 */
export function rateLimitAddress(address: string): string {
  const normalised = normaliseAddress(address);
  const groups = ipv6Groups(normalised);
  if (!groups) return normalised;
  const [a, b, c, d, e, f, g, h] = groups as [number, number, number, number, number, number, number, number];
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff)
    return [g >> 8, g & 0xff, h >> 8, h & 0xff].join(".");
  return `${[a, b, c, d].map((group) => group.toString(16)).join(":")}::/64`;
}
