import { answerTerms, type Engine, type RecordedAnswer } from "../engine/assess";
import { fitPosterior } from "../engine/expectation-propagation";
import { abilitiesWithoutEach } from "../engine/leave-one-out";
import type { ItemParameters } from "../engine/model";
import { variance, type Posterior } from "../engine/posterior";
import { calibrateResponses, DEFAULT_USE_POLICY, judgeDrift, type ItemCalibration } from "./calibrate";
import { calibrateItem, CALIBRATION_PRIOR, estimateAt, type CalibrationResponse } from "./estimate";
import { engineDiscriminations } from "./shrink";

/** One answer of a live attempt as calibration reads it. */
export interface PatternAnswer {
  questionId: string;
  skillId: string;
  isCorrect: boolean;
  isDontKnow: boolean;
}

/** A live attempt's answers with the prior the engine started it from: its response pattern. */
export interface ResponsePattern {
  prior: Posterior;
  answers: readonly PatternAnswer[];
}

/** An item's calibration with the discrimination the engine would run it on (shrink.ts). */
export interface EvidenceItem extends ItemCalibration {
  engineDiscrimination: number;
}

export interface EvidenceCalibration {
  items: Map<string, EvidenceItem>;
  /** EM rounds until the parameters stopped moving (1 without patterns: the records' own fit). */
  rounds: number;
}

/**
 * EM rounds at most, and the largest change in b or log a (logits) that counts as settled: the
 * bench's 5,000 attempts settle in 9–10 rounds (about 2.5 s each on one core).
 */
export const PATTERN_ROUNDS = { max: 15, tolerance: 0.01 } as const;

/**
 * Calibrates every item from two kinds of evidence (decision 013):
 * - response patterns, the answers of attempts still stored, with the prior each attempt started
 *   from: the people's abilities are refitted as the items are, by EM (Bock & Aitkin 1981) — the
 *   E step fits each pattern's posterior from ALL its answers with the current item parameters
 *   (the engine's own EP fit), the M step maximises each item's expected log-likelihood under those
 *   posteriors plus the prior around nominal (calibrateItem with ownAnswerIncluded);
 * - anonymised records, answers whose attempts are gone: each keeps the ability the engine gave it
 *   from the other answers when it was recorded, and adds the log of its marginal probability, as
 *   in the fixed-parameter fit (nothing links a record to the rest of its attempt, on purpose).
 * Rounds repeat until no b or log a moves by more than PATTERN_ROUNDS.tolerance. Abilities from
 * wrong parameters pull every item towards its label (an item truly harder than labelled makes
 * the people who met it look weaker, which makes it look easier); EM removes that pull, and since
 * it maximises the likelihood of whole patterns, the adaptive choice of the later questions from
 * the earlier answers is ignorable, which a leave-one-out ability is not.
 * The estimate reported is EM's point; its standard errors and drift come from the marginal fit at
 * that point on the leave-one-out abilities under the same parameters (EM's own curvature would
 * count the refitted abilities as known and overstate the precision). Without patterns this is the
 * fixed-parameter fit over the records alone, in one round.
 * Last, every item's discrimination for the engine is its estimate weighed against the whole
 * bank's (shrink.ts, empirical Bayes).
 */
export function calibrateEvidence(
  engine: Engine,
  patterns: readonly ResponsePattern[],
  records: ReadonlyMap<string, readonly CalibrationResponse[]>,
  options: { minResponses?: number } = {},
): EvidenceCalibration {
  const { items, rounds } = fitEvidence(engine, patterns, records, options);
  const engineValues = engineDiscriminations(
    new Map(
      [...items].map(([questionId, { estimate }]) => [
        questionId,
        // fitEvidence keeps the engine's items only.
        { nominalDiscrimination: engine.model.itemById.get(questionId)!.discrimination, estimate },
      ]),
    ),
  );
  return {
    items: new Map(
      [...items].map(([questionId, calibration]) => [
        questionId,
        { ...calibration, engineDiscrimination: engineValues.get(questionId) as number },
      ]),
    ),
    rounds,
  };
}

/** EM over the patterns with the records beside them (or the records' own fit), as described above. */
function fitEvidence(
  engine: Engine,
  patterns: readonly ResponsePattern[],
  records: ReadonlyMap<string, readonly CalibrationResponse[]>,
  { minResponses = DEFAULT_USE_POLICY.minResponses }: { minResponses?: number },
): { items: Map<string, ItemCalibration>; rounds: number } {
  const nominal = engine.model.itemById;
  const items = new Map<string, ItemCalibration>();
  if (patterns.length === 0) {
    for (const [questionId, list] of records) {
      const start = nominal.get(questionId);
      if (start) items.set(questionId, calibrateResponses(list, start, { minResponses }));
    }
    return { items, rounds: 1 };
  }
  let current = new Map<string, ItemParameters>(nominal);
  let rounds = 0;
  while (rounds < PATTERN_ROUNDS.max) {
    rounds++;
    const next = new Map<string, ItemParameters>(nominal);
    let change = 0;
    for (const [questionId, list] of responsesOf(patterns, records, current, posteriorAbilities(engine))) {
      const start = nominal.get(questionId);
      const was = current.get(questionId);
      if (!start || !was) continue;
      const estimate = calibrateItem(list, start, CALIBRATION_PRIOR, was);
      next.set(questionId, {
        ...start,
        difficulty: estimate.difficulty,
        discrimination: estimate.discrimination,
      });
      change = Math.max(
        change,
        Math.abs(estimate.difficulty - was.difficulty),
        Math.abs(Math.log(estimate.discrimination / was.discrimination)),
      );
    }
    current = next;
    if (change < PATTERN_ROUNDS.tolerance) break;
  }
  for (const [questionId, list] of responsesOf(patterns, records, current, leaveOneOutAbilities(engine))) {
    const start = nominal.get(questionId);
    const point = current.get(questionId);
    if (!start || !point) continue;
    const estimate = estimateAt(
      list,
      start,
      CALIBRATION_PRIOR,
      point.difficulty,
      Math.log(point.discrimination),
    );
    items.set(questionId, { estimate, drift: estimate.n >= minResponses ? judgeDrift(list, start) : [] });
  }
  return { items, rounds };
}

/** Adds `response` to its item's list. */
function collect(
  byItem: Map<string, CalibrationResponse[]>,
  questionId: string,
  response: CalibrationResponse,
) {
  const list = byItem.get(questionId);
  if (list) list.push(response);
  else byItem.set(questionId, [response]);
}

/** The records of the items `parameters` has, as they are. */
function recordsOf(
  records: ReadonlyMap<string, readonly CalibrationResponse[]>,
  parameters: ReadonlyMap<string, ItemParameters>,
): Map<string, CalibrationResponse[]> {
  const byItem = new Map<string, CalibrationResponse[]>();
  for (const [questionId, list] of records)
    if (parameters.has(questionId)) for (const response of list) collect(byItem, questionId, response);
  return byItem;
}

/** A pattern's answers to items `parameters` has, as the engine reads them, with those parameters. */
function recordedAnswers(pattern: ResponsePattern, parameters: ReadonlyMap<string, ItemParameters>) {
  const answers = pattern.answers.filter((answer) => parameters.has(answer.questionId));
  const recorded: RecordedAnswer[] = answers.map((answer) => ({
    questionId: answer.questionId,
    skillId: answer.skillId,
    outcome: answer.isDontKnow ? "dontKnow" : answer.isCorrect ? "correct" : "incorrect",
    parameters: parameters.get(answer.questionId) as ItemParameters,
  }));
  return { answers, recorded };
}

/**
 * Every item's responses: the records as they are, and each pattern's answers with the ability
 * `abilities` gives them (mean, SD, and whether the posterior counts the answer itself).
 */
function responsesOf(
  patterns: readonly ResponsePattern[],
  records: ReadonlyMap<string, readonly CalibrationResponse[]>,
  parameters: ReadonlyMap<string, ItemParameters>,
  abilities: PatternAbilities,
): Map<string, CalibrationResponse[]> {
  const byItem = recordsOf(records, parameters);
  for (const pattern of patterns) {
    const { answers, recorded } = recordedAnswers(pattern, parameters);
    for (const { answer, mean, sd, ownAnswerIncluded } of abilities(pattern, answers, recorded))
      collect(byItem, answer.questionId, {
        isCorrect: answer.isCorrect,
        isDontKnow: answer.isDontKnow,
        abilityMean: mean,
        abilitySd: sd,
        ...(ownAnswerIncluded ? { ownAnswerIncluded } : {}),
      });
  }
  return byItem;
}

type PatternAbilities = (
  pattern: ResponsePattern,
  answers: readonly PatternAnswer[],
  recorded: readonly RecordedAnswer[],
) => { answer: PatternAnswer; mean: number; sd: number; ownAnswerIncluded?: true }[];

/** The E step's abilities: each pattern's posterior from ALL its answers. */
function posteriorAbilities(engine: Engine): PatternAbilities {
  return (pattern, answers, recorded) => {
    // Answers to skills the engine lacks carry no evidence term (answerTerms leaves them out).
    const kept = answers.flatMap((answer, index) =>
      engine.model.skillIndex.has(answer.skillId)
        ? [{ answer, recorded: recorded[index] as RecordedAnswer }]
        : [],
    );
    const { terms } = answerTerms(
      engine.model,
      kept.map((entry) => entry.recorded),
    );
    const { posterior } = fitPosterior(pattern.prior, terms);
    return kept.map(({ answer }, index) => {
      const skill = terms[index]?.skill as number;
      return {
        answer,
        mean: posterior.mean[skill] as number,
        sd: Math.sqrt(variance(posterior, skill)),
        ownAnswerIncluded: true as const,
      };
    });
  };
}

/** Each answer's ability from the pattern's OTHER answers. */
function leaveOneOutAbilities(engine: Engine): PatternAbilities {
  return (pattern, answers, recorded) =>
    abilitiesWithoutEach(engine, pattern.prior, recorded).flatMap((ability, index) => {
      const answer = answers[index];
      return answer && ability.mean !== null && ability.sd !== null
        ? [{ answer, mean: ability.mean, sd: ability.sd }]
        : [];
    });
}
