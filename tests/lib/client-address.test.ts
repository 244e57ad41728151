import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, parseTrustedProxies, rateLimitAddress } from "@/lib/client-address";

describe("client address", () => {
  const none = parseTrustedProxies("");
  const proxy = parseTrustedProxies("10.0.0.5, loopback");

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.7", "1.2.3.4", none)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:198.51.100.7", undefined, none)).toBe("198.51.100.7");
  });

  it("reads X-Forwarded-For from the right, past trusted proxies, when the peer is trusted", () => {
    expect(clientAddress("10.0.0.5", "203.0.113.1", proxy)).toBe("203.0.113.1");
    // The client prepended a fake address; the proxy appended the real one.
    expect(clientAddress("10.0.0.5", "1.1.1.1, 203.0.113.1", proxy)).toBe("203.0.113.1");
    expect(clientAddress("127.0.0.1", "203.0.113.1, 10.0.0.5", proxy)).toBe("203.0.113.1");
  });

  it("ignores forwarding from a peer that is not trusted and a malformed chain", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", proxy)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.5", "not-an-ip", proxy)).toBe("10.0.0.5");
  });

  it("rejects a TRUST_PROXY entry that is not an address", () => {
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/not an IP address/);
    expect(normaliseAddress(" ::FFFF:10.0.0.1 ")).toBe("10.0.0.1");
  });
});

describe("the address per-address rate limits count against", () => {
  it("is the /64 network for IPv6, however the address is spelled", () => {
    const network = rateLimitAddress("2001:db8:1:2:3:4:5:6");
    expect(network).toBe("2001:db8:1:2::/64");
    // Another address in the same /64 (a client rotating its interface id) counts together.
    expect(rateLimitAddress("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe(network);
    expect(rateLimitAddress("2001:DB8:1:2::9")).toBe(network);
    expect(rateLimitAddress("2001:0db8:0001:0002::")).toBe(network);
    expect(rateLimitAddress("2001:db8:1:2::1%eth0")).toBe(network);
    // The neighbouring /64 is someone else.
    expect(rateLimitAddress("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
  });

  it("expands :: wherever it stands", () => {
    expect(rateLimitAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitAddress("2001:db8:0:0:1::")).toBe("2001:db8:0:0::/64");
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitAddress("1::2:3:4:5")).toBe("1:0:0:0::/64");
    expect(rateLimitAddress("1:2:3::4")).toBe("1:2:3:0::/64");
    expect(rateLimitAddress("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("is the IPv4 address for IPv4 and IPv4-mapped IPv6 in any spelling", () => {
    expect(rateLimitAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitAddress("::FFFF:c633:6407")).toBe("198.51.100.7");
    expect(rateLimitAddress("0:0:0:0:0:ffff:c633:6407")).toBe("198.51.100.7");
  });

  it("leaves what is not an address as it is", () => {
    expect(rateLimitAddress("unknown")).toBe("unknown");
  });
});
