import { useQuery } from '../../../lib/use-query.js';
import { getBorehole } from '../api/get-borehole.js';

export function useBorehole(id: string) {
  return useQuery((signal) => getBorehole(id, signal), id);
}
