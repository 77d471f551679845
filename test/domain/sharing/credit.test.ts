import { describe, expect, it } from 'vitest';
import {
  CREDIT_EVENT_KINDS,
  CREDIT_WEIGHTS,
  creditScore,
  type CreditEventKind,
} from '../../../src/domain/sharing/credit.js';

const events = (...kinds: CreditEventKind[]) => kinds.map((kind) => ({ kind }));

describe('creditScore', () => {
  it('starts at zero with every kind listed', () => {
    const { score, by_kind } = creditScore([]);
    expect(score).toBe(0);
    expect(Object.keys(by_kind)).toEqual([...CREDIT_EVENT_KINDS]);
    expect(Object.values(by_kind).every((k) => k.count === 0 && k.points === 0)).toBe(true);
  });

  it('rewards closing the loop and punishes damage most', () => {
    const positive = CREDIT_EVENT_KINDS.filter((k) => CREDIT_WEIGHTS[k] > 0);
    expect(positive).toEqual(['data_returned_on_time', 'loan_returned_on_time', 'citation']);
    const worst = Math.min(...Object.values(CREDIT_WEIGHTS));
    expect(CREDIT_WEIGHTS.loan_damaged).toBe(worst);
    expect(CREDIT_WEIGHTS.loan_damaged).toBeLessThan(CREDIT_WEIGHTS.loan_overdue);
  });

  it.each<[CreditEventKind[], number]>([
    [['data_returned_on_time'], 2],
    [['loan_returned_on_time', 'citation', 'citation'], 3],
    [['loan_overdue', 'loan_damaged'], -6],
    [['data_returned_on_time', 'data_overdue'], 0],
  ])('%o scores %d', (kinds, score) => {
    expect(creditScore(events(...kinds)).score).toBe(score);
  });

  it('summarises per kind', () => {
    const { by_kind } = creditScore(events('citation', 'citation', 'loan_damaged'));
    expect(by_kind.citation).toEqual({ count: 2, points: 2 });
    expect(by_kind.loan_damaged).toEqual({ count: 1, points: -4 });
    expect(by_kind.data_overdue).toEqual({ count: 0, points: 0 });
  });
});
