import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The identity module over a real session (better-auth on the test database); only Next's request
 * scope is stood in for: next/headers answers with this test's cookie jar.
 */
const OWNER_COOKIE = "waypoint_owner";
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}));

const { getAuth } = await import("@/server/auth/auth");
const identity = await import("@/server/identity");
const { createTeam } = await import("@/server/teams/teams");

const signedIn = new Map<string, string>();
let userId = "";
let email = "";

beforeAll(async () => {
  email = `identity-${randomUUID()}@example.com`;
  const password = "identity passphrase for tests";
  await getAuth().api.signUpEmail({ body: { name: "Ida", email, password }, headers: new Headers() });
  const { headers, response } = await getAuth().api.signInEmail({
    body: { email, password },
    headers: new Headers(),
    returnHeaders: true,
  });
  userId = response.user.id;
  for (const line of headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    signedIn.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
  }
});

function actAs(cookies: Map<string, string>) {
  jar.clear();
  for (const [name, value] of cookies) jar.set(name, value);
}

/** Where a call redirected to (Next throws NEXT_REDIRECT), or "no redirect". */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "no redirect";
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw error;
  }
}

describe("who is signed in", () => {
  it("is nobody for an anonymous visitor, and requiring a user sends them to sign in and back", async () => {
    actAs(new Map());
    expect(await identity.currentUser()).toBeNull();
    expect(await redirectOf(() => identity.requireSignedInUser("/teams/join/abc?x=1"))).toBe(
      "/sign-in?next=%2Fteams%2Fjoin%2Fabc%3Fx%3D1",
    );
  });

  it("is the account for a signed-in visitor, and requiring a user returns it", async () => {
    actAs(signedIn);
    const expected = { id: userId, email, name: "Ida" };
    expect(await identity.currentUser()).toEqual(expected);
    expect(await identity.requireSignedInUser("/teams")).toEqual(expected);
  });
});

describe("who owns what a request touches", () => {
  it("is nobody for a fresh browser until something is created, then the browser's own token", async () => {
    actAs(new Map());
    expect(await identity.currentOwner()).toBeNull();
    const created = await identity.ensureOwner();
    expect(created).toMatchObject({ userId: null, tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(jar.get(OWNER_COOKIE)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await identity.currentOwner()).toEqual(created);
    expect(await identity.ensureOwner()).toEqual(created);
  });

  it("is the account once signed in, even with an anonymous token in the browser", async () => {
    actAs(new Map([...signedIn, [OWNER_COOKIE, "A".repeat(22)]]));
    expect(await identity.currentOwner()).toEqual({ userId, tokenHash: null });
  });
});

describe("team access", () => {
  it("grants the owner the owner's and manager's access, and an anonymous visitor none", async () => {
    const team = await createTeam(userId, { name: `Identity ${randomUUID()}`, targetRoleId: "ai-engineer" });
    if (!team.ok) throw new Error("team not created");
    actAs(signedIn);
    expect((await identity.teamOwnerAccess(team.teamId))?.membership.role).toBe("owner");
    expect((await identity.teamManagerAccess(team.teamId))?.user.id).toBe(userId);
    actAs(new Map());
    expect(await identity.teamMemberAccess(team.teamId)).toBeNull();
  });
});

describe("the identity module", () => {
  it("exports nothing the application does not use", () => {
    const exported = Object.keys(identity);
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return /[\\/](identity|generated)$/.test(full) ? [] : sources(full);
        return /\.(ts|tsx)$/.test(entry.name) ? [fs.readFileSync(full, "utf8")] : [];
      });
    const app = sources(path.resolve(import.meta.dirname, "../../../src")).join("\n");
    expect(exported.filter((name) => !new RegExp(`\\b${name}\\b`).test(app))).toEqual([]);
  });
});
