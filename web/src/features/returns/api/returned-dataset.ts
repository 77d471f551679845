// A returned dataset as the API lists it (src/api/routes/returns.routes.ts ReturnedDataset).
export interface ReturnedDataset {
  id: string;
  request_id: string;
  borehole_id: string;
  kind: string;
  title: string;
  doi: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  embargo_kind: string;
  embargo_until: string;
  under_embargo: boolean;
  /** How many depth-registered values were parsed from the file. */
  values: number;
  /** Who returned it: the requester, their organisation (credited) and the custodian, by code. */
  credit: { requester: string; organisation: string; custodian: string };
  uploaded_at: string;
}

/** Where the file itself is downloaded (the same embargo rule as the values). */
export const returnedFileUrl = (id: string): string => `/api/returns/${encodeURIComponent(id)}/file`;
