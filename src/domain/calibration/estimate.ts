import type { ItemParameters } from "../engine/model";

/**
 * Fixed-parameter calibration of one item (docs/decisions/013-calibration.md): the people's
 * abilities are not re-estimated; each response carries the engine's posterior of that skill from
 * the person's *other* answers, N(abilityMean, abilitySd²), and the item's difficulty b and
 * discrimination a are the marginal maximum a posteriori (Bayes modal, Mislevy 1986) of
 *
 *   Σ_r log ∫ P(y_r | θ; a, b, c) N(θ; m_r, s_r²) dθ  +  log N(b; b₀, σ_b²)  +  log N(log a; log a₀, σ_α²)
 *
 * with the 3PL P and the nominal guessing c kept. Integrating over the whole posterior rather than
 * plugging in its mean is what keeps a short quiz's uncertain abilities from flattening the curve
 * (the plug-in estimate attenuates a and pulls b towards the mean ability). "I don't know" is a
 * wrong answer without the guessing floor, as in the engine.
 */

/** One anonymised response as calibration sees it. */
export interface CalibrationResponse {
  isCorrect: boolean;
  isDontKnow: boolean;
  /** Posterior mean and SD of the item's skill from the person's other answers in that attempt. */
  abilityMean: number;
  abilitySd: number;
  /**
   * The posterior also counts this answer (an E step of EM over a stored attempt's answers,
   * patterns.ts): the response adds its expected log-likelihood under that posterior,
   * E[log P(y | θ)], instead of the log of its marginal probability.
   */
  ownAnswerIncluded?: boolean;
}

export interface CalibrationPrior {
  /** SD of the prior on difficulty around the nominal value (logits). */
  difficultySd: number;
  /** SD of the prior on log discrimination around log of the nominal value. */
  logDiscriminationSd: number;
}

/**
 * The prior: a level is one logit wide, and a writer's label is taken to be right to within about
 * a level (σ_b = 0.7 puts 85 % of the prior inside ±1 logit). Discrimination is multiplicative and
 * poorly determined — at 200 responses its likelihood alone is uncertain by ±30–50 % — so its
 * prior is tighter: σ = 0.5 on log a, a factor 1.65 either way at one SD, the spread of working
 * items (a ≈ 0.8–2.0). A looser one (0.7, 1.0) let noise through and scored fresh examinees worse
 * in bench:calibration (decision 013). With 200 responses the difficulty's likelihood is several
 * times sharper than its prior, so the data decide; with 20 the prior holds the item near nominal.
 */
export const CALIBRATION_PRIOR: CalibrationPrior = { difficultySd: 0.7, logDiscriminationSd: 0.5 };

export interface ItemEstimate {
  difficulty: number;
  discrimination: number;
  guessing: number;
  /** Posterior standard errors from the curvature of the log posterior at its mode. */
  difficultySe: number;
  discriminationSe: number;
  /** Responses used. */
  n: number;
  /** Newton iterations until the step was below 1e-6 (or the cap); 0 when evaluated at a given point (estimateAt). */
  iterations: number;
}

/** Standard-normal nodes and weights: trapezoid over ±6 SD, spectrally accurate for these smooth integrands. */
const NODES = 41;
const Z = Float64Array.from({ length: NODES }, (_, i) => -6 + (12 * i) / (NODES - 1));
const W = (() => {
  const raw = Float64Array.from(Z, (z) => Math.exp(-0.5 * z * z));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return raw.map((value) => value / total);
})();

interface Evaluation {
  logPosterior: number;
  /** Gradient with respect to (b, α = log a). */
  gradient: [number, number];
  /** Expected (Fisher) information plus the prior's precision, row-major 2×2. */
  fisher: [number, number, number, number];
}

function evaluate(
  responses: readonly CalibrationResponse[],
  b: number,
  alpha: number,
  guessing: number,
  nominal: ItemParameters,
  prior: CalibrationPrior,
): Evaluation {
  const a = Math.exp(alpha);
  let logLik = 0,
    gb = 0,
    ga = 0,
    ibb = 0,
    iba = 0,
    iaa = 0;
  for (const response of responses) {
    const c = response.isDontKnow ? 0 : guessing;
    const sd = Math.max(response.abilitySd, 1e-6);
    const y = response.isCorrect && !response.isDontKnow;
    if (response.ownAnswerIncluded) {
      // E_q[log P(y | θ)]: the log inside the average, node by node.
      for (let k = 0; k < NODES; k++) {
        const theta = response.abilityMean + sd * (Z[k] as number);
        const s = 1 / (1 + Math.exp(-a * (theta - b)));
        const w = W[k] as number;
        const pk = Math.min(Math.max(c + (1 - c) * s, 1e-12), 1 - 1e-12);
        const slope = (1 - c) * s * (1 - s);
        const dkb = -slope * a;
        const dka = slope * a * (theta - b);
        logLik += w * (y ? Math.log(pk) : Math.log(1 - pk));
        const factor = (y ? 1 - pk : -pk) / (pk * (1 - pk));
        gb += w * factor * dkb;
        ga += w * factor * dka;
        const info = w / (pk * (1 - pk));
        ibb += info * dkb * dkb;
        iba += info * dkb * dka;
        iaa += info * dka * dka;
      }
      continue;
    }
    let p = 0,
      dpb = 0,
      dpa = 0;
    for (let k = 0; k < NODES; k++) {
      const theta = response.abilityMean + sd * (Z[k] as number);
      const s = 1 / (1 + Math.exp(-a * (theta - b)));
      const w = W[k] as number;
      const slope = w * (1 - c) * s * (1 - s);
      p += w * (c + (1 - c) * s);
      dpb -= slope * a;
      dpa += slope * a * (theta - b); // ∂/∂α = a ∂/∂a
    }
    p = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    logLik += y ? Math.log(p) : Math.log(1 - p);
    const factor = (y ? 1 - p : -p) / (p * (1 - p));
    gb += factor * dpb;
    ga += factor * dpa;
    const info = 1 / (p * (1 - p));
    ibb += info * dpb * dpb;
    iba += info * dpb * dpa;
    iaa += info * dpa * dpa;
  }
  const pb = 1 / prior.difficultySd ** 2;
  const pa = 1 / prior.logDiscriminationSd ** 2;
  const db = b - nominal.difficulty;
  const da = alpha - Math.log(nominal.discrimination);
  return {
    logPosterior: logLik - 0.5 * pb * db * db - 0.5 * pa * da * da,
    gradient: [gb - pb * db, ga - pa * da],
    fisher: [ibb + pb, iba, iba, iaa + pa],
  };
}

function solve2(m: readonly number[], g: readonly number[]): [number, number] {
  const [a, b, c, d] = m as [number, number, number, number];
  const det = a * d - b * c;
  return [
    (d * (g[0] as number) - b * (g[1] as number)) / det,
    (a * (g[1] as number) - c * (g[0] as number)) / det,
  ];
}

/**
 * The MAP of (b, a) by Fisher scoring with step halving, guessing fixed at the nominal value.
 * Standard errors come from the observed curvature at the mode (central differences of the
 * analytic gradient), falling back to the expected information should it not be positive definite;
 * the discrimination's SE is the delta method's a · SE(log a).
 */
export function calibrateItem(
  responses: readonly CalibrationResponse[],
  nominal: ItemParameters,
  prior: CalibrationPrior = CALIBRATION_PRIOR,
  /** Where the search starts (default: nominal); the mode does not depend on it. */
  start: Pick<ItemParameters, "difficulty" | "discrimination"> = nominal,
): ItemEstimate {
  if (!(nominal.discrimination > 0)) throw new Error("nominal discrimination must be positive");
  const guessing = nominal.guessing;
  let b = start.difficulty;
  let alpha = Math.log(start.discrimination);
  let current = evaluate(responses, b, alpha, guessing, nominal, prior);
  let iterations = 0;
  for (; iterations < 100; iterations++) {
    const [sb, sa] = solve2(current.fisher, current.gradient);
    let scale = 1;
    let moved = false;
    while (scale > 1e-4) {
      const nb = b + scale * sb;
      const na = alpha + scale * sa;
      const next = evaluate(responses, nb, na, guessing, nominal, prior);
      if (next.logPosterior >= current.logPosterior - 1e-12) {
        b = nb;
        alpha = na;
        current = next;
        moved = true;
        break;
      }
      scale /= 2;
    }
    if (!moved || Math.max(Math.abs(scale * sb), Math.abs(scale * sa)) < 1e-6) break;
  }
  return { ...estimateAt(responses, nominal, prior, b, alpha), iterations };
}

/**
 * The estimate at (b, log a) with its standard errors from the curvature of the log posterior of
 * `responses` there (the search's own point, or EM's point judged on leave-one-out abilities).
 */
export function estimateAt(
  responses: readonly CalibrationResponse[],
  nominal: ItemParameters,
  prior: CalibrationPrior,
  b: number,
  alpha: number,
): ItemEstimate {
  const guessing = nominal.guessing;
  const current = evaluate(responses, b, alpha, guessing, nominal, prior);
  const h = 1e-4;
  const gbPlus = evaluate(responses, b + h, alpha, guessing, nominal, prior).gradient;
  const gbMinus = evaluate(responses, b - h, alpha, guessing, nominal, prior).gradient;
  const gaPlus = evaluate(responses, b, alpha + h, guessing, nominal, prior).gradient;
  const gaMinus = evaluate(responses, b, alpha - h, guessing, nominal, prior).gradient;
  const hbb = -(gbPlus[0] - gbMinus[0]) / (2 * h);
  const haa = -(gaPlus[1] - gaMinus[1]) / (2 * h);
  const hba = -(gbPlus[1] - gbMinus[1] + (gaPlus[0] - gaMinus[0])) / (4 * h);
  const observedDet = hbb * haa - hba * hba;
  const [ibb, iba, , iaa] = hbb > 0 && observedDet > 0 ? [hbb, hba, hba, haa] : current.fisher;
  const det = ibb * iaa - iba * iba;
  const a = Math.exp(alpha);
  return {
    difficulty: b,
    discrimination: a,
    guessing,
    difficultySe: Math.sqrt(iaa / det),
    discriminationSe: a * Math.sqrt(ibb / det),
    n: responses.length,
    iterations: 0,
  };
}
