export const percent = (rate: number | null): string => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
