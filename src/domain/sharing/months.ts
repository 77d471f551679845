// Calendar months for due dates and embargoes: "six months after 31 August" is the last day of
// February, not 3 March as Date's own overflow would make it.

/** `date` plus `months` calendar months (UTC), clamped to the end of a shorter month. */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(date.getTime());
  out.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return out;
}
