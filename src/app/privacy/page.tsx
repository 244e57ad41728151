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
            ids, right or wrong, the question parameters used, how long each question was on screen), the
            level you gave yourself per skill if you took the self-rating step (shown only to you; teams see
            only counts), the resulting skill estimates, your study hours and time zone (for plan dates), and
            your learning plan.
          </li>
          <li>
            <strong>With an account:</strong> additionally your display name, email address, a scrypt hash of
            your password (never the password), your profile (current role, hours a week), and your sign-in
            sessions (a session cookie, the IP address and browser of each session, to let you see and end
            them).
          </li>
          <li>
            <strong>An anonymised record of each answer</strong>, kept so the people who maintain the
            questions can see how each one actually plays and correct the levels it claims (see{" "}
            <a href="#response-record" className={linkClass}>
              below
            </a>
            ).
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
          <li>
            The anonymised answer record below is kept without a time limit: it is what lets the questions
            improve, and it no longer belongs to anyone.
          </li>
        </ul>
        <h2 id="response-record">The anonymised answer record</h2>
        <p>
          While your finished assessment exists, the questions&apos; maintainers learn from its answers where
          they are stored with it (only ever as aggregates per question, as below). When the assessment is
          deleted — with your account, or by the {days}-day deletion of anonymous work — each of its answers
          is first copied once into a separate record that describes the question, not you. It keeps:
        </p>
        <ul>
          <li>
            which question it was, and a fingerprint of that question&apos;s text (so an edited question
            starts afresh);
          </li>
          <li>which of its options were chosen, or “I don&apos;t know”, and whether that was right;</li>
          <li>
            the level the assessment gave that skill from your <em>other</em> answers (a number, and how sure
            it was) — needed to tell whether a question separates people who know the skill from people who do
            not;
          </li>
          <li>
            how long the question was on screen before the answer (unusually fast correct answers show a
            leaked key);
          </li>
          <li>
            the question parameters and calibration version the assessment used, and the day (not the time)
            the question was answered.
          </li>
        </ul>
        <p>
          It never keeps your attempt, account, browser token, email, name, team or cohort, your roles, your
          other answers, your results or your network address, and it has no link to any of them. That is why
          it outlives you: deleting your account, or the {days}-day deletion of anonymous work, removes
          everything that could connect a record to you, and what remains cannot be traced back or exported
          per person. Administrators see only aggregates per question, and only over groups of at least five
          answers.
        </p>
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
          any attempt), the anonymised answer record described above (which never was linked to you), the
          rights-change log with your account unlinked, and server log lines until the operator rotates them.
          Without an account, clearing this site&apos;s cookies disconnects your browser from its attempts,
          which are then deleted after {days} days.
        </p>
      </div>
    </>
  );
}
