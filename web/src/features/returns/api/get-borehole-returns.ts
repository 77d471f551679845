// GET /api/boreholes/{id}/returns: what was returned from a borehole's core, with credit. Public:
// everyone sees that the data exists and who returned it; the values stay behind the embargo.
import { getJson } from '../../../lib/api-client.js';
import type { ReturnedDataset } from './returned-dataset.js';

export async function getBoreholeReturns(
  boreholeId: string,
  signal?: AbortSignal,
): Promise<ReturnedDataset[]> {
  const answer = await getJson<{ items: ReturnedDataset[] }>(
    `/boreholes/${encodeURIComponent(boreholeId)}/returns`,
    {},
    signal,
  );
  return answer.items;
}
