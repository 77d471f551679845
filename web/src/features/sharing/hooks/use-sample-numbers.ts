// The sample number of each cut, once a sampling request was fulfilled (none before: nothing was cut).
import { useQuery } from '../../../lib/use-query.js';
import { getCutSamples } from '../api/get-cut-samples.js';
import type { RequestDetail } from '../api/get-request.js';
import { sampleNumbersFor } from '../utils/sample-numbers.js';

const CUT_STATES = ['fulfilled', 'returned', 'results_returned', 'closed'];

export function useSampleNumbers(r: RequestDetail): (string | null)[] {
  const cut = r.kind === 'sampling' && CUT_STATES.includes(r.state);
  const query = useQuery(
    async (signal) =>
      cut ? sampleNumbersFor(r.samples, await getCutSamples(r.borehole.id, r.id, signal)) : [],
    `${r.borehole.id}:${r.id}:${cut}`,
  );
  return query.status === 'success' ? query.data : [];
}
