// An organisation's credit record, read again when `version` changes (each step of the request can
// earn or cost credit); null when the reader may not see it.
import { useQuery } from '../../../lib/use-query.js';
import { getCreditRecord } from '../api/get-credit-record.js';

export function useCreditRecord(organisation: string, version: number) {
  return useQuery((signal) => getCreditRecord(organisation, signal), `${organisation}:${version}`);
}
