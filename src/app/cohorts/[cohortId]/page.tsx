import { DEFAULT_QUIZ_LENGTH, QUIZ_LENGTH_OPTIONS } from "@/components/assess/quiz-lengths";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TimeZoneInput } from "@/components/assess/time-zone-input";
import { FieldsForm } from "@/components/cohorts/fields-form";
import { describePreview, hasSomethingToApply } from "@/domain/cohort/rules";
import { formatInZone, localDateTime } from "@/domain/time-zones";
import { ProgressSection } from "@/components/cohorts/progress-section";
import { RosterSection } from "@/components/cohorts/roster-section";
import { RulesSection } from "@/components/cohorts/rules-section";
import { formatDay } from "@/components/plan/dates";
import { ActionButton } from "@/components/forms/action-button";
import { linkClass } from "@/components/forms/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { readIdParam } from "@/lib/route-params";
import { findProfile } from "@/server/accounts";
import { getSkillsGraph } from "@/server/content-loader";
import { findCohortAssessment, findMyCohortAttempts, isWindowOpen } from "@/server/cohorts/assessment";
import { listRules } from "@/server/cohorts/assignments";
import { loadCohortDashboard, loadMyAssignments } from "@/server/cohorts/dashboard";
import { cohortMemberAccess } from "@/server/identity";
import {
  addRuleAction,
  addStaffAction,
  applyRulesAction,
  assignModuleAction,
  closeCohortAction,
  deleteRuleAction,
  importRosterAction,
  resendInvitationAction,
  retryInvitationMailAction,
  revokeCohortInvitationAction,
  setWindowAction,
  startCohortAssessmentAction,
  waiveAssignmentAction,
} from "../actions";

export const metadata: Metadata = { title: "Cohort", robots: { index: false } };

const sectionClass = "space-y-4 rounded-2xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800";

export default async function CohortPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const cohortId = await readIdParam(params, "cohortId");
  const access = cohortId ? await cohortMemberAccess(cohortId) : null;
  if (!cohortId || !access) notFound();
  const { user, enrollment } = access;
  const cohort = enrollment.cohort;
  const isStaff = enrollment.role === "staff";
  const isOpen = cohort.closedAt === null;
  const graph = getSkillsGraph();
  const targetTitle = graph.roles.get(cohort.targetRoleId)?.title ?? cohort.targetRoleId;
  const now = new Date();
  const [window, mine, attempts, profile, staffView] = await Promise.all([
    findCohortAssessment(cohortId),
    loadMyAssignments(cohort, user.id, now),
    findMyCohortAttempts(cohortId, user.id),
    findProfile(user.id),
    isStaff ? Promise.all([loadCohortDashboard(cohort, now), listRules(cohortId)]) : null,
  ]);
  const isAssessmentOpen = window !== null && isOpen && isWindowOpen(window, now);
  const skills = [...graph.skills.values()]
    .map((skill) => ({ id: skill.id, title: skill.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
  // Only skills some module teaches can have a rule; each offers just the modules that teach it.
  const ruleSkills = skills.flatMap((skill) => {
    const taught = (graph.modulesBySkill.get(skill.id) ?? [])
      .map((module) => ({ id: module.id, title: module.title }))
      .sort((a, b) => a.title.localeCompare(b.title));
    return taught.length > 0 ? [{ ...skill, modules: taught }] : [];
  });
  const newRules = staffView ? staffView[1].filter((rule) => rule.appliedAt === null).length : 0;
  const modules = [...graph.modules.values()]
    .map((module) => ({ id: module.id, title: module.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return (
    <>
      <PageHeader
        title={cohort.name}
        crumbs={[{ href: "/cohorts", label: "Cohorts" }]}
        lead={`Target role: ${targetTitle}. ${cohort.startsOn} to ${cohort.endsOn}, dates in ${cohort.timeZone}. You are ${isStaff ? "staff" : "a learner"}.`}
      >
        {cohort.isDemo && (
          <p className="mt-2 text-sm font-semibold">
            Demo cohort: made-up learners; their results come from the real engine answering simulated
            quizzes.
          </p>
        )}
        {!isOpen && (
          <p className="mt-2 text-sm font-semibold">
            This cohort is closed. Everyone keeps their own results, plans and done modules.
          </p>
        )}
      </PageHeader>
      <div className="max-w-5xl space-y-10">
        <section aria-labelledby="assessment" className={sectionClass}>
          <h2 id="assessment" className="text-xl font-semibold tracking-tight">
            Cohort assessment
          </h2>
          {window ? (
            <p className="text-sm">
              Open from {formatInZone(window.opensAt, cohort.timeZone)} until{" "}
              {formatInZone(window.closesAt, cohort.timeZone)}. Correct answers and explanations appear after
              it closes.
            </p>
          ) : (
            <p className="text-sm">The staff have not opened the assessment yet.</p>
          )}
          {!isStaff && (attempts.inProgress || attempts.completed) && (
            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
              {attempts.inProgress && (
                <li>
                  <Link href={`/assess/${attempts.inProgress.id}`} className={linkClass}>
                    Continue your cohort assessment
                  </Link>
                </li>
              )}
              {attempts.completed && (
                <li>
                  <Link href={`/results/${attempts.completed.id}`} className={linkClass}>
                    Your latest cohort results
                  </Link>
                </li>
              )}
            </ul>
          )}
          {/* The assessment is the learners'; staff run the cohort (decision 008). */}
          {isAssessmentOpen && !isStaff && (
            <FieldsForm
              id="cohort-start"
              action={startCohortAssessmentAction}
              hidden={{
                cohortId,
                from: profile?.currentRoleId ?? "",
                hoursPerWeek: profile?.hoursPerWeek ? String(profile.hoursPerWeek) : "",
              }}
              submit="Take the cohort assessment"
              pendingLabel="Starting…"
              isPrimary
              fields={[
                {
                  kind: "radio",
                  name: "budget",
                  label: "Longest quiz you want",
                  value: DEFAULT_QUIZ_LENGTH,
                  options: QUIZ_LENGTH_OPTIONS,
                },
              ]}
            >
              <TimeZoneInput />
            </FieldsForm>
          )}
          {isStaff && isOpen && (
            <details>
              <summary className="cursor-pointer font-medium">
                {window ? "Change the window" : "Open the assessment"}
              </summary>
              <div className="mt-3">
                <FieldsForm
                  id="window"
                  action={setWindowAction}
                  hidden={{ cohortId }}
                  submit="Save the window"
                  layout="grid"
                  fields={[
                    {
                      kind: "datetime-local",
                      name: "opensAt",
                      label: `Opens (${cohort.timeZone})`,
                      value: window
                        ? localDateTime(window.opensAt, cohort.timeZone)
                        : localDateTime(now, cohort.timeZone),
                    },
                    {
                      kind: "datetime-local",
                      name: "closesAt",
                      label: `Closes (${cohort.timeZone})`,
                      value: window ? localDateTime(window.closesAt, cohort.timeZone) : "",
                    },
                  ]}
                />
              </div>
            </details>
          )}
        </section>

        {!isStaff && (
          <section aria-labelledby="my-modules" className={sectionClass}>
            <h2 id="my-modules" className="text-xl font-semibold tracking-tight">
              Modules assigned to you
            </h2>
            {mine.assignments.length === 0 ? (
              <p className="text-sm">Nothing assigned to you yet.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {mine.assignments.map((row) => (
                  <li key={row.moduleId}>
                    <strong>{row.title}</strong> · due {formatDay(row.dueDate)} ·{" "}
                    {row.isDone ? "done" : row.isOverdue ? "overdue" : "not done yet"}
                  </li>
                ))}
              </ul>
            )}
            {mine.planId && (
              <p className="text-sm">
                <Link href={`/plan/${mine.planId}`} className={linkClass}>
                  Open my learning plan for {targetTitle}
                </Link>{" "}
                to work through them and mark them done.
              </p>
            )}
          </section>
        )}

        {staffView && (
          <>
            <p className="text-sm">
              <a href={`/api/cohorts/${cohortId}/export`} className={linkClass} download>
                Download roster progress (CSV)
              </a>
            </p>
            <RosterSection
              cohortId={cohortId}
              dashboard={staffView[0]}
              isOpen={isOpen}
              actions={{
                importRoster: importRosterAction,
                addStaff: addStaffAction,
                resend: resendInvitationAction,
                revoke: revokeCohortInvitationAction,
                retryMail: retryInvitationMailAction,
              }}
            />
            <RulesSection
              cohortId={cohortId}
              rules={staffView[1].map((rule) => ({
                ...rule,
                skillTitle: graph.skills.get(rule.skillId)?.title ?? rule.skillId,
                moduleTitle: graph.modules.get(rule.moduleId)?.title ?? rule.moduleId,
              }))}
              // The preview and the Apply button read the same facts: what applying assigns now,
              // and which rules it would start for learners who finish later.
              previewText={describePreview(staffView[0].preview, newRules)}
              canApply={hasSomethingToApply(staffView[0].preview, newRules)}
              isOpen={isOpen}
              skills={ruleSkills}
              actions={{ add: addRuleAction, remove: deleteRuleAction, apply: applyRulesAction }}
            />
            <ProgressSection
              cohortId={cohortId}
              dashboard={staffView[0]}
              isOpen={isOpen}
              modules={modules}
              actions={{ assign: assignModuleAction, waive: waiveAssignmentAction }}
            />
            {isOpen && (
              <section aria-labelledby="close" className={sectionClass}>
                <h2 id="close" className="text-xl font-semibold tracking-tight">
                  Close the cohort
                </h2>
                <p className="text-sm">
                  Closing makes the cohort read-only. Learners keep their results, plans and done modules.
                </p>
                <ActionButton
                  action={closeCohortAction}
                  fields={{ cohortId }}
                  label="Close the cohort"
                  pendingLabel="Closing…"
                />
              </section>
            )}
          </>
        )}
      </div>
    </>
  );
}
