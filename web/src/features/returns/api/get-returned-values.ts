// GET /api/returns/{id}: one dataset's depth-registered values. While under embargo only the
// request's parties may read them: anyone else gets a 403 `under_embargo`, a signed-out reader a 401.
import { ApiError, getJson } from '../../../lib/api-client.js';

export interface ReturnedValue {
  sample_no: string | null;
  depth_from: number;
  depth_to: number;
  analyte: string;
  /** null below the detection limit: `qualifier` keeps what the lab wrote ("<0.01"). */
  value: number | null;
  unit: string | null;
  qualifier: string | null;
}

export interface ReturnedValues {
  id: string;
  title: string;
  kind: string;
  embargo_until: string;
  values: ReturnedValue[];
}

export function getReturnedValues(id: string, signal?: AbortSignal): Promise<ReturnedValues> {
  return getJson<ReturnedValues>(`/returns/${encodeURIComponent(id)}`, {}, signal);
}

/** True when the values were withheld because the dataset is still under embargo. */
export function isEmbargoed(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 401 ||
      (error.status === 403 && (error.problem.errors ?? []).some((p) => p.rule === 'under_embargo')))
  );
}
