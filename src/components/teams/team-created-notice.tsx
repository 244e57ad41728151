"use client";

import { useEffect, useRef } from "react";
import { MIN_CONTRIBUTORS } from "@/domain/team/aggregate";

/**
 * Right after a team is created: says so, and names the next step (inviting people, whose forms
 * follow directly). Focus moves to the heading so a screen reader announces the confirmation.
 */
export function TeamCreatedNotice({ teamName }: { teamName: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section
      aria-labelledby="team-created"
      className="space-y-2 rounded-2xl border-2 border-brand-600 bg-brand-50 p-6 dark:bg-slate-900"
    >
      <h2 id="team-created" ref={headingRef} tabIndex={-1} className="text-xl font-semibold tracking-tight">
        Team “{teamName}” created
      </h2>
      <p>
        <strong>Next step: invite the people you want to measure.</strong> Create a link to share, or send
        invitations by email, just below. Team numbers appear once at least {MIN_CONTRIBUTORS} members who
        allow it have finished the team assessment.
      </p>
    </section>
  );
}
