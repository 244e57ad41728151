import { DEFAULT_USE_POLICY } from "@/domain/calibration";
import { describeNotUsed, DRIFT_WORDS } from "@/domain/calibration/explain";
import type { CalibrationHistory } from "@/server/calibration";
import { Facts } from "./facts";
import { formatMoment } from "./format";

const decimal = (value: number) => value.toFixed(2).replace("-", "−");
const badgeClass = "rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap";

/**
 * Every calibration set with a row for one question, newest first, one definition list per set
 * (it reflows on a phone where a wide table would not): n, each parameter calibrated ± SE next to
 * its nominal value, whether the engine uses it and why not, drift in words. A row made under an
 * earlier version of the question says so: editing a question resets it to nominal.
 */
export function CalibrationHistoryList({ history }: { history: CalibrationHistory }) {
  return (
    <ol className="max-w-3xl space-y-4">
      {history.entries.map((entry) => {
        const use = !entry.isCurrentContent
          ? "Not applied: calibrated under an earlier version of this question (editing resets a question to nominal)."
          : entry.usable
            ? `Used${entry.isCurrentSet ? "" : " by attempts that started under this set"}, with discrimination ${decimal(entry.engineDiscrimination)}${decimal(entry.engineDiscrimination) !== decimal(entry.discrimination) ? " (the estimate, adjusted for its uncertainty against the whole bank's)" : ""}.`
            : `Not used: ${entry.notUsed.map((reason) => describeNotUsed(reason, entry, entry.policy)).join("; ")}.`;
        return (
          <li
            key={`${entry.version}-${entry.itemHash}`}
            aria-labelledby={`set-${entry.version}-${entry.itemHash}`}
            className="rounded-xl border border-slate-200 p-4 dark:border-slate-800"
          >
            <h3
              id={`set-${entry.version}-${entry.itemHash}`}
              className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 font-semibold"
            >
              <span>
                Set <code className="text-sm">{entry.version}</code>, {formatMoment(entry.createdAt)}
              </span>
              {entry.isCurrentSet && (
                <span
                  className={`${badgeClass} border-emerald-800 text-emerald-900 dark:border-emerald-300 dark:text-emerald-200`}
                >
                  New attempts use this set
                </span>
              )}
              {!entry.isCurrentContent && (
                <span
                  className={`${badgeClass} border-amber-800 text-amber-900 dark:border-amber-300 dark:text-amber-200`}
                >
                  An earlier version of this question
                </span>
              )}
            </h3>
            <Facts
              items={[
                { term: "Responses", value: entry.n },
                {
                  term: "Difficulty",
                  value: `${decimal(entry.difficulty)} ± ${decimal(entry.difficultySe)} (nominal ${decimal(entry.nominal.difficulty)})`,
                },
                {
                  term: "Discrimination",
                  value: `${decimal(entry.discrimination)} ± ${decimal(entry.discriminationSe)} (nominal ${decimal(entry.nominal.discrimination)})`,
                },
                { term: "Engine", value: use },
                {
                  term: "Drift",
                  value:
                    entry.drift.length === 0
                      ? "none"
                      : `listed for review: ${entry.drift.map((reason) => DRIFT_WORDS[reason]).join("; ")}`,
                },
              ]}
            />
          </li>
        );
      })}
    </ol>
  );
}

/**
 * What attempts starting now do with the question, in a sentence or two: which set they use, and
 * whether this question's current version is calibrated in it — or plainly that it never was, and
 * what it needs.
 */
export function CalibrationSummary({
  history,
  nominal,
}: {
  history: CalibrationHistory;
  /** The question's nominal parameters now; null when it left the content. */
  nominal: { difficulty: number; discrimination: number } | null;
}) {
  const { current, entries } = history;
  const needs = current?.policy ?? DEFAULT_USE_POLICY;
  const requirement = `A set uses it once it has at least ${needs.minResponses} responses to its current version, with a difficulty standard error of at most ${needs.maxDifficultySe} and a discrimination standard error of at most ${needs.maxRelativeDiscriminationSe} × its estimate${current ? " (the current set's thresholds)" : " (the defaults of npm run calibrate)"}.`;
  const nominalText = nominal
    ? `its nominal parameters (difficulty ${decimal(nominal.difficulty)}, discrimination ${decimal(nominal.discrimination)})`
    : "nothing: the question is no longer in the content";
  const hasCurrentVersion = entries.some((entry) => entry.isCurrentContent);
  return (
    <div className="max-w-3xl space-y-2 text-sm">
      <p>
        {current ? (
          <>
            New attempts use calibration set <code className="text-xs">{current.version}</code> (made{" "}
            {formatMoment(current.createdAt)}):{" "}
            {history.inUse ? "this question's calibrated parameters." : `for this question, ${nominalText}.`}
          </>
        ) : (
          <>No calibration set has been made: new attempts use {nominalText}.</>
        )}
      </p>
      {nominal && entries.length === 0 && (
        <p>
          <strong>This question has never been calibrated.</strong> {requirement}
        </p>
      )}
      {nominal && entries.length > 0 && !hasCurrentVersion && (
        <p>
          <strong>Its current version has never been calibrated</strong>: every set below calibrated an
          earlier version, edited since. {requirement}
        </p>
      )}
    </div>
  );
}
