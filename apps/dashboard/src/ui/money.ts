/** "49.90" → 4990; API money is a decimal string with two places. */
export const toMinor = (amount: string): number => Math.round(Number(amount) * 100);
export const formatMinor = (minor: number): string => (minor / 100).toFixed(2);
