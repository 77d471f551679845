// Numbers typed into the sharing forms: blank is "not given", anything unreadable is a fault.
// Full-width digits and the Chinese decimal point (Chinese input methods type them) are read too.

/** null for blank, NaN for text that is not a number, else the number. */
export function readNumber(text: string): number | null {
  const plain = text
    .normalize('NFKC')
    .replace(/[。．]/g, '.')
    .trim();
  if (plain === '') return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(plain)) return Number.NaN;
  return Number(plain);
}

/** A number as the forms show it again: no trailing zeros, no exponent for the usual depths. */
export function numberText(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '' : String(value);
}
