/**
 * A seeded pseudo-random generator (sfc32, from PractRand's small fast counters) so that the same
 * seed and answers give the same next item and the same readiness estimate: an attempt is replayed
 * from its answers on every request (docs/decisions/004-assessment-engine.md, "Statelessness").
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
}

export function createRandom(...seeds: number[]): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 1;
  for (const seed of seeds) {
    a = (a ^ Math.imul(seed | 0, 0x85ebca6b)) >>> 0;
    b = (b + Math.imul((seed >>> 0) ^ 0x5bd1e995, 0xc2b2ae35)) >>> 0;
  }
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  let spare: number | undefined;
  return {
    next,
    normal() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      let u = next();
      while (u <= Number.EPSILON) u = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}

/** A stable 32-bit hash of a string (FNV-1a), to mix ids into seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded Fisher–Yates shuffle: a new array, the input unchanged. */
export function shuffled<T>(list: readonly T[], random: Random): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
