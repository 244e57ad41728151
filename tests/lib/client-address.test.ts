import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, parseTrustedProxies } from "@/lib/client-address";

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
