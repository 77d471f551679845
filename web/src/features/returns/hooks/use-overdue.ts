// One custodian's overdue loans and results; null when the reader does not curate it.
import { useQuery } from '../../../lib/use-query.js';
import { getOverdue } from '../api/get-overdue.js';

export function useOverdue(custodian: string) {
  return useQuery((signal) => getOverdue(custodian, signal), custodian);
}
