"use client";

import Link from "next/link";
import { useActionState } from "react";
import { inputClass, linkClass, secondaryButtonClass, type FormState } from "@/components/forms/form-state";
import { FieldError, FormStatus, fieldErrorOf, type FormAction } from "@/components/forms/form-status";

interface Team {
  teamId: string;
  name: string;
  candidates: { userId: string; name: string; role: "owner" | "manager" | "member" }[];
  suggestedUserId: string | null;
}

const ROLE_NAMES = { owner: "owner", manager: "manager", member: "member" } as const;

function HandoverForm({ team, action }: { team: Team; action: FormAction }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  const id = `handover-${team.teamId}`;
  const error = fieldErrorOf(state, "newOwnerUserId");
  return (
    <form action={formAction} noValidate className="space-y-2">
      <input type="hidden" name="teamId" value={team.teamId} />
      <label htmlFor={id} className="block text-sm font-medium">
        New owner of “{team.name}”
      </label>
      <select
        id={id}
        name="newOwnerUserId"
        defaultValue={team.suggestedUserId ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      >
        {team.suggestedUserId === null && <option value="">Choose a member</option>}
        {team.candidates.map((candidate) => (
          <option key={candidate.userId} value={candidate.userId}>
            {candidate.name} ({ROLE_NAMES[candidate.role]})
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
      <button type="submit" disabled={isPending} className={secondaryButtonClass}>
        {isPending ? "Handing over…" : `Hand over “${team.name}”`}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/**
 * Part of the deletion dialog: teams the person owns alone and open cohorts they alone staff
 * must be handed over first (the server refuses deletion until then); those with nobody else in
 * them are deleted with the account, and the dialog says so.
 */
export function OwnershipHandover({
  teams,
  cohorts,
  emptyTeams,
  emptyCohorts,
  transferAction,
}: {
  teams: Team[];
  cohorts: { cohortId: string; name: string }[];
  emptyTeams: { name: string }[];
  emptyCohorts: { name: string }[];
  transferAction: FormAction;
}) {
  const deletedWith = [...emptyTeams, ...emptyCohorts].map((entry) => `“${entry.name}”`).join(", ");
  return (
    <div className="mb-6 max-w-2xl space-y-4">
      {(teams.length > 0 || cohorts.length > 0) && (
        <div className="space-y-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 px-4 py-3 dark:bg-amber-950">
          <h3 className="font-semibold">Hand over first</h3>
          <p className="text-sm">
            You run these alone and other people are in them. Nobody could manage them after your account is
            gone, so deleting it is refused until you hand them over. You stay a manager until you delete your
            account.
          </p>
          {teams.map((team) => (
            <HandoverForm key={team.teamId} team={team} action={transferAction} />
          ))}
          {cohorts.length > 0 && (
            <ul className="list-inside list-disc text-sm">
              {cohorts.map((cohort) => (
                <li key={cohort.cohortId}>
                  Cohort “{cohort.name}”: on{" "}
                  <Link href={`/cohorts/${cohort.cohortId}`} className={linkClass}>
                    the cohort&apos;s page
                  </Link>
                  , add another staff member (or make a learner staff) and wait until they have joined.
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {deletedWith && (
        <p className="text-sm">Deleted with your account, since nobody else is in them: {deletedWith}.</p>
      )}
    </div>
  );
}
