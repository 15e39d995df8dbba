/** Percent with two decimals, for lines people read (the error-rate check, the bake period). */
export const percent = (ratio: number): number => Math.round(ratio * 10_000) / 100;
