import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/env";

export const metadata: Metadata = {
  title: "Privacy",
  description: "What Waypoint stores, why, for how long, who can see it, and how to export or erase it.",
};

const linkClass = "font-medium text-brand-700 underline dark:text-brand-100";

export default function PrivacyPage() {
  const days = env.ANONYMOUS_RETENTION_DAYS;
  return (
    <>
      <PageHeader
        title="Privacy"
        lead="Waypoint is self-hosted: everything below stays in this instance's database, run by whoever operates it. No analytics, no third-party scripts, no tracking cookies."
      />
      <div className="prose prose-slate max-w-3xl dark:prose-invert">
        <h2>What is stored, and why</h2>
        <ul>
          <li>
            <strong>Without an account:</strong> a random token in a cookie (<code>waypoint_owner</code>,
            HttpOnly) ties your attempts and plan to this browser. The database keeps only a SHA-256 hash of
            it. With each attempt we store your chosen current and target roles, the answers you gave (option
            ids, right or wrong, the question parameters used), the resulting skill estimates, your study
            hours and time zone (for plan dates), and your learning plan.
          </li>
          <li>
            <strong>With an account:</strong> additionally your display name, email address, a scrypt hash of
            your password (never the password), your profile (current role, hours a week), and your sign-in
            sessions (a session cookie, the IP address and browser of each session, to let you see and end
            them).
          </li>
          <li>
            <strong>Problem reports</strong> you send about a question: the reason and your text, linked to
            the attempt so maintainers can see the context. Administrators see the reason and text, never who
            sent it.
          </li>
          <li>
            <strong>Rights changes:</strong> when an administrator of this instance makes an account an
            administrator or cohort creator, or takes that away, a log keeps which account, which right, when
            and by whom. When either account is deleted its link in the log is removed; no name or email is
            copied into it.
          </li>
          <li>
            <strong>Server logs</strong> record security events (sign-up, sign-in and its failures, sign-out,
            password changes and resets, account deletion, refused requests) with the account id where there
            is one and the network address the request came from, to detect and investigate attacks; never
            passwords, tokens or links from email.
          </li>
        </ul>
        <h2>For how long</h2>
        <ul>
          <li>
            Anonymous attempts and plans that nobody claims into an account are deleted after {days} days
            without activity (checked at start-up and daily).
          </li>
          <li>
            Account data stays until you delete your account. Sessions expire after 30 days; password reset
            links after one hour.
          </li>
        </ul>
        <h2>Who can see it</h2>
        <ul>
          <li>
            Your results and plans are visible only to you (the browser that made them, or your account once
            signed in). Anyone else who tries an id gets “not found”.
          </li>
          <li>
            If you create a read-only share link for a result or plan, anyone with that link can view that one
            page until you revoke it.
          </li>
          <li>The operator of this instance has access to the database, as with any self-hosted service.</li>
        </ul>
        <h2 id="export">Export your data</h2>
        <p>
          Signed in, open{" "}
          <Link href="/me/settings" className={linkClass}>
            account settings
          </Link>{" "}
          and choose “Download my data”: one JSON file (format <code>waypoint-account-export</code>, version
          1) with your profile, every attempt with its answers and results, your plans and share links. It
          contains no password hashes or session tokens.
        </p>
        <h2>Erase your data</h2>
        <p>
          In{" "}
          <Link href="/me/settings" className={linkClass}>
            account settings
          </Link>
          , “Delete your account” removes your account, sessions, attempts, answers, results, plans and share
          links immediately. What remains: problem reports you sent (their text, no longer linked to you or
          any attempt), the rights-change log with your account unlinked, and server log lines until the
          operator rotates them. Without an account, clearing this site&apos;s cookies disconnects your
          browser from its attempts, which are then deleted after {days} days.
        </p>
      </div>
    </>
  );
}
