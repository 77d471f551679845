// The credit record (信用记录, DOMAIN.md "Security, trust"): a plain sum of weighted events, so a
// requester can see exactly why their score is what it is. Returning data counts most: closing the
// sharing loop is what the platform exists for; damaging core counts worst: it cannot be redrilled.

export const CREDIT_EVENT_KINDS = [
  'data_returned_on_time',
  'loan_returned_on_time',
  'citation',
  'loan_overdue',
  'data_overdue',
  'loan_damaged',
] as const;
export type CreditEventKind = (typeof CREDIT_EVENT_KINDS)[number];

export const CREDIT_WEIGHTS: Readonly<Record<CreditEventKind, number>> = {
  data_returned_on_time: 2,
  loan_returned_on_time: 1,
  citation: 1,
  loan_overdue: -2,
  data_overdue: -2,
  loan_damaged: -4,
};

export interface CreditEvent {
  kind: CreditEventKind;
}

export interface CreditScore {
  score: number;
  by_kind: Record<CreditEventKind, { count: number; points: number }>;
}

/** Sums the events' weights; `by_kind` lists every kind, with zeros, so a summary table is complete. */
export function creditScore(events: Iterable<CreditEvent>): CreditScore {
  const by_kind = Object.fromEntries(CREDIT_EVENT_KINDS.map((k) => [k, { count: 0, points: 0 }])) as Record<
    CreditEventKind,
    { count: number; points: number }
  >;
  let score = 0;
  for (const { kind } of events) {
    by_kind[kind].count += 1;
    by_kind[kind].points += CREDIT_WEIGHTS[kind];
    score += CREDIT_WEIGHTS[kind];
  }
  return { score, by_kind };
}
