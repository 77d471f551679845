// The sample records a fulfilled sampling request created (numbered `<request id>-001` …, counted
// per borehole), read from the borehole's samples: GET /api/boreholes/{id} lists them with the
// request each was taken for.
import { getJson } from '../../../lib/api-client.js';

export interface CutSample {
  id: string;
  sample_no: string;
  depth_from: number;
  depth_to: number;
  taken_for: string | null;
}

export async function getCutSamples(
  boreholeId: string,
  requestId: string,
  signal?: AbortSignal,
): Promise<CutSample[]> {
  const hole = await getJson<{ samples: CutSample[] | null }>(
    `/boreholes/${encodeURIComponent(boreholeId)}`,
    {},
    signal,
  );
  return (hole.samples ?? []).filter((s) => s.taken_for === requestId);
}
