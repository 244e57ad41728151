/**
 * The authorisation matrix for routes: every page and route handler × {anonymous, owner, other
 * user}. tests/server/authorization/routes-coverage.test.ts fails when a route exists without a
 * row; tests/e2e/authorization-matrix.spec.ts requests each row over HTTP as each actor.
 *
 * Outcomes: an HTTP status, or "sign-in" (a redirect to the sign-in page). Ids are the owner's:
 * a foreign id must get exactly what a missing id gets (404). Rows run in this order, each as
 * anonymous, then the other user, then the owner, so an owner's change cannot hide a leak.
 */
export type Actor = "anonymous" | "other" | "owner";
export type Outcome = number | "sign-in" | "redirect";

export interface MatrixIds {
  inProgressAttemptId: string;
  completedAttemptId: string;
  planId: string;
  shareToken: string;
  shareLinkId: string;
  /** A team the owner created (the owner is its only member; "other" is not a member). */
  teamId: string;
  /** The raw token of an open link invitation to that team (the part after /teams/join/). */
  teamJoinToken: string;
  /** A cohort the owner is staff of; "other" is staff of a different cohort; "learner" is its learner. */
  cohortId: string;
  /** The raw token of an open invitation to that cohort (for an address nobody signed up with). */
  cohortJoinToken: string;
}

export interface RouteRow {
  route: string;
  path: (ids: MatrixIds) => string;
  body?: (ids: MatrixIds) => unknown;
  expect: Record<Actor, Outcome>;
  /** Cohort rows: what a learner of the owner's cohort gets (staff rows: exactly a stranger's 404). */
  learner?: Outcome;
}

const everyone = (outcome: Outcome): Record<Actor, Outcome> => ({
  anonymous: outcome,
  other: outcome,
  owner: outcome,
});
const ownerOnly = (owner: Outcome = 200): Record<Actor, Outcome> => ({ anonymous: 404, other: 404, owner });
const signedIn = (outcome: Outcome): Record<Actor, Outcome> => ({
  anonymous: 401,
  other: outcome,
  owner: outcome,
});

export const ROUTE_ROWS: RouteRow[] = [
  // Public pages.
  { route: "GET /", path: () => "/", expect: everyone(200) },
  { route: "GET /roles", path: () => "/roles", expect: everyone(200) },
  { route: "GET /roles/[id]", path: () => "/roles/ai-engineer", expect: everyone(200) },
  { route: "GET /skills", path: () => "/skills", expect: everyone(200) },
  { route: "GET /skills/[id]", path: () => "/skills/python", expect: everyone(200) },
  { route: "GET /transitions", path: () => "/transitions", expect: everyone(200) },
  {
    route: "GET /transitions/[from]/[to]",
    path: () => "/transitions/data-scientist/ai-engineer",
    expect: everyone(200),
  },
  { route: "GET /privacy", path: () => "/privacy", expect: everyone(200) },
  { route: "GET /assess", path: () => "/assess", expect: everyone(200) },
  { route: "GET /api/health", path: () => "/api/health", expect: everyone(200) },
  { route: "GET /forgot-password", path: () => "/forgot-password", expect: everyone(200) },
  {
    route: "GET /reset-password",
    path: () => "/reset-password?token=not-a-real-token",
    expect: everyone(200),
  },
  { route: "GET /verify-email", path: () => "/verify-email?token=not-a-real-token", expect: everyone(200) },
  {
    route: "GET /sign-in",
    path: () => "/sign-in",
    expect: { anonymous: 200, other: "redirect", owner: "redirect" },
  },
  {
    route: "GET /sign-up",
    path: () => "/sign-up",
    expect: { anonymous: 200, other: "redirect", owner: "redirect" },
  },

  // The owner's attempts, results and plan.
  {
    route: "GET /assess/[attemptId]",
    path: (ids) => `/assess/${ids.inProgressAttemptId}`,
    expect: ownerOnly(),
  },
  {
    route: "GET /results/[attemptId]",
    path: (ids) => `/results/${ids.completedAttemptId}`,
    expect: ownerOnly(),
  },
  { route: "GET /plan/[planId]", path: (ids) => `/plan/${ids.planId}`, expect: ownerOnly() },
  {
    route: "GET /api/attempts/[attemptId]/question",
    path: (ids) => `/api/attempts/${ids.inProgressAttemptId}/question`,
    expect: ownerOnly(),
  },
  // A question id that is not the one shown: the owner is told where the attempt is (a stale or
  // replayed request changes nothing); anyone else gets 404.
  {
    route: "POST /api/attempts/[attemptId]/answers",
    path: (ids) => `/api/attempts/${ids.inProgressAttemptId}/answers`,
    body: () => ({ questionId: "not-the-current-question", choice: [] }),
    expect: ownerOnly(200),
  },
  // The self-rating step of an attempt that has no answer yet: the owner's ratings are stored.
  {
    route: "POST /api/attempts/[attemptId]/self-ratings",
    path: (ids) => `/api/attempts/${ids.inProgressAttemptId}/self-ratings`,
    body: () => ({ ratings: { python: 3 } }),
    expect: ownerOnly(200),
  },
  {
    route: "POST /api/attempts",
    path: () => "/api/attempts",
    body: () => ({ to: "ai-engineer" }),
    expect: everyone(201),
  },

  // Account pages and APIs act on the caller's own account only.
  { route: "GET /me", path: () => "/me", expect: { anonymous: "sign-in", other: 200, owner: 200 } },
  // Both own a team or staff a cohort, so both get the home that lists them (others go on to /me).
  { route: "GET /home", path: () => "/home", expect: { anonymous: "sign-in", other: 200, owner: 200 } },
  {
    route: "GET /me/settings",
    path: () => "/me/settings",
    expect: { anonymous: "sign-in", other: 200, owner: 200 },
  },
  { route: "GET /api/account/export", path: () => "/api/account/export", expect: signedIn(200) },
  {
    route: "PATCH /api/account/profile",
    path: () => "/api/account/profile",
    body: () => ({}),
    expect: signedIn(400),
  },
  {
    route: "POST /api/account/password",
    path: () => "/api/account/password",
    body: () => ({}),
    expect: signedIn(400),
  },
  {
    route: "POST /api/account/delete",
    path: () => "/api/account/delete",
    body: () => ({ password: "x", confirm: "no" }),
    expect: signedIn(400),
  },
  {
    route: "POST /api/account/sign-up",
    path: () => "/api/account/sign-up",
    body: () => ({ email: "not an email" }),
    expect: everyone(400),
  },
  {
    route: "POST /api/account/sign-in",
    path: () => "/api/account/sign-in",
    body: () => ({ email: "nobody@example.com", password: "not the password" }),
    expect: everyone(401),
  },
  {
    route: "POST /api/account/password-reset",
    path: () => "/api/account/password-reset",
    body: () => ({ email: "nobody@example.com" }),
    expect: everyone(200),
  },
  {
    route: "POST /api/account/password-reset/confirm",
    path: () => "/api/account/password-reset/confirm",
    body: () => ({ token: "not-a-real-token", newPassword: "a long enough passphrase" }),
    expect: everyone(400),
  },

  // Share links: the page is public by design; creating and revoking are the owner's.
  { route: "GET /shared/[token]", path: (ids) => `/shared/${ids.shareToken}`, expect: everyone(200) },
  {
    route: "DELETE /api/share/[linkId]",
    path: (ids) => `/api/share/${ids.shareLinkId}`,
    expect: { anonymous: 401, other: 404, owner: 200 },
  },
  {
    route: "POST /api/share",
    path: () => "/api/share",
    body: (ids) => ({ kind: "results", targetId: ids.completedAttemptId }),
    expect: { anonymous: 401, other: 404, owner: 201 },
  },

  // Teams: the owner's team answers 404 to non-members, exactly like a missing team; the join page
  // is readable by anyone holding the token (viewing it joins nobody).
  { route: "GET /teams", path: () => "/teams", expect: { anonymous: "sign-in", other: 200, owner: 200 } },
  { route: "GET /teams/[teamId]", path: (ids) => `/teams/${ids.teamId}`, expect: ownerOnly() },
  {
    route: "GET /teams/[teamId]/dashboard",
    path: (ids) => `/teams/${ids.teamId}/dashboard`,
    expect: ownerOnly(),
  },
  {
    route: "GET /teams/join/[token]",
    path: (ids) => `/teams/join/${ids.teamJoinToken}`,
    expect: everyone(200),
  },
  {
    route: "GET /api/teams/[teamId]/export",
    path: (ids) => `/api/teams/${ids.teamId}/export`,
    expect: ownerOnly(),
  },

  // Cohorts: staff of another cohort and strangers get 404, like a missing cohort; the owner's
  // learner sees the cohort page but gets 404 for the staff-only export.
  {
    route: "GET /cohorts",
    path: () => "/cohorts",
    expect: { anonymous: "sign-in", other: 200, owner: 200 },
    learner: 200,
  },
  {
    route: "GET /cohorts/[cohortId]",
    path: (ids) => `/cohorts/${ids.cohortId}`,
    expect: ownerOnly(),
    learner: 200,
  },
  {
    route: "GET /cohorts/join/[token]",
    path: (ids) => `/cohorts/join/${ids.cohortJoinToken}`,
    expect: everyone(200),
    learner: 200,
  },
  {
    route: "GET /api/cohorts/[cohortId]/export",
    path: (ids) => `/api/cohorts/${ids.cohortId}/export`,
    expect: ownerOnly(),
    learner: 404,
  },

  // The admin area: the owner is an instance administrator; everyone else gets the app's 404, so
  // the area does not reveal itself.
  { route: "GET /admin", path: () => "/admin", expect: ownerOnly() },
  { route: "GET /admin/people", path: () => "/admin/people?email=matrix", expect: ownerOnly() },
  { route: "GET /admin/instance", path: () => "/admin/instance", expect: ownerOnly() },
  { route: "GET /admin/reports", path: () => "/admin/reports", expect: ownerOnly() },
  { route: "GET /admin/items", path: () => "/admin/items?sort=responses&dir=desc", expect: ownerOnly() },
  {
    route: "GET /admin/items/[questionId]",
    path: () => "/admin/items/python-circular-import",
    expect: ownerOnly(),
  },

  // Last: it ends the sessions the rows above use.
  {
    route: "POST /api/account/sign-out",
    path: () => "/api/account/sign-out",
    body: () => ({}),
    expect: everyone(200),
  },
];
