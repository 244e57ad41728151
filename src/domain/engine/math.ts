/**
 * Small numeric helpers the engine needs. Pure functions over plain numbers and Float64Arrays
 * (row-major square matrices), so the engine stays free of dependencies and fast in the benchmark.
 */

/** Standard normal CDF via the complementary error function (Numerical Recipes erfc, |ε| < 1.2e-7). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Lower-triangular Cholesky factor of a symmetric positive-definite n×n matrix, or undefined when
 * the matrix is not positive definite (a pivot ≤ `tolerance`).
 */
export function cholesky(matrix: Float64Array, n: number, tolerance = 1e-10): Float64Array | undefined {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (lower[i * n + k] as number) * (lower[j * n + k] as number);
      if (i === j) {
        if (sum <= tolerance) return undefined;
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / (lower[j * n + j] as number);
      }
    }
  }
  return lower;
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (n ≈ 30, so cost is trivial). */
export function symmetricEigen(
  matrix: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * n + q] as number) - (a[p * n + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i] as number;
  return { values, vectors: v };
}

/**
 * The correlation matrix a prior (or a simulated population) asks for — `general` between any two
 * skills, `edge` along prerequisite edges — made valid. Strong edges on a hub skill (python is a
 * prerequisite of many) can make the requested matrix indefinite, so eigenvalues are clipped at
 * `floor` and the diagonal re-scaled to 1, repeated until positive definite (alternating
 * projections in the spirit of Higham 2002, "Computing the nearest correlation matrix").
 */
export function correlationMatrix(
  n: number,
  edges: readonly (readonly [number, number])[],
  general: number,
  edge: number,
): Float64Array {
  let r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r[i * n + j] = i === j ? 1 : general;
  for (const [i, j] of edges) {
    r[i * n + j] = edge;
    r[j * n + i] = edge;
  }
  const floor = 0.02;
  for (let round = 0; round < 50 && !cholesky(r, n, 1e-6); round++) {
    const { values, vectors } = symmetricEigen(r, n);
    const clipped = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++)
          sum +=
            (vectors[i * n + k] as number) *
            Math.max(values[k] as number, floor) *
            (vectors[j * n + k] as number);
        clipped[i * n + j] = sum;
      }
    }
    const scale = Array.from({ length: n }, (_, i) => 1 / Math.sqrt(clipped[i * n + i] as number));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        clipped[i * n + j] = (clipped[i * n + j] as number) * (scale[i] as number) * (scale[j] as number);
    r = clipped;
  }
  return r;
}

/** Solves L Lᵀ x = rhs given the Cholesky factor L (row-major, lower): forward, then back substitution. */
export function choleskySolve(lower: Float64Array, n: number, rhs: Float64Array): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i] as number;
    for (let k = 0; k < i; k++) sum -= (lower[i * n + k] as number) * (x[k] as number);
    x[i] = sum / (lower[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i] as number;
    for (let k = i + 1; k < n; k++) sum -= (lower[k * n + i] as number) * (x[k] as number);
    x[i] = sum / (lower[i * n + i] as number);
  }
  return x;
}

/** Inverse of a symmetric positive-definite matrix through its Cholesky factor. */
export function invertSpd(matrix: Float64Array, n: number): Float64Array {
  const lower = cholesky(matrix, n, 0);
  if (!lower) throw new RangeError("matrix is not positive definite");
  const inverse = new Float64Array(n * n);
  const unit = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    unit.fill(0);
    unit[c] = 1;
    const column = choleskySolve(lower, n, unit);
    for (let i = 0; i < n; i++) inverse[i * n + c] = column[i] as number;
  }
  return inverse;
}
