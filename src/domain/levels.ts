/** The five skill levels every descriptor and requirement uses (docs/content-guide.md). */
export const LEVEL_NAMES = ["None", "Aware", "Working", "Proficient", "Expert"] as const;

export type LevelNumber = 0 | 1 | 2 | 3 | 4;

export function levelName(level: number): string {
  return LEVEL_NAMES[level] ?? `Level ${level}`;
}

export function isLevel(value: number): value is LevelNumber {
  return Number.isInteger(value) && value >= 0 && value <= 4;
}
