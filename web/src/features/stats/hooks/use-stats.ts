import { useQuery } from '../../../lib/use-query.js';
import { getStats, type StatsParams } from '../api/get-stats.js';

export function useStats(params: StatsParams) {
  return useQuery(
    (signal) => getStats(params, signal),
    JSON.stringify([params.group, params.from, params.to, params.custodian]),
  );
}
