// The offers covering one borehole: its own and its custodian's collection offers, read together.
import { useQuery } from '../../../lib/use-query.js';
import { getOffers, type Offer } from '../api/get-offers.js';
import { offersCovering, type HoleCoverage } from '../utils/sharing-access.js';

export function useBoreholeOffers(hole: HoleCoverage, custodian: string | null) {
  return useQuery<Offer[]>(
    async (signal) => {
      const [own, collection] = await Promise.all([
        getOffers({ borehole: hole.id }, signal),
        custodian ? getOffers({ custodian }, signal) : Promise.resolve([]),
      ]);
      return offersCovering(hole, own, collection);
    },
    `${hole.id}:${custodian ?? ''}`,
  );
}
