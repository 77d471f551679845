// Offers by custodian or borehole for the offers editor, read again after each change it makes.
import { useQuery } from '../../../lib/use-query.js';
import { getOffers, type OfferFilter } from '../api/get-offers.js';

export function useOffers(filter: OfferFilter, version: number) {
  return useQuery(
    (signal) => getOffers(filter, signal),
    `${filter.custodian ?? ''}|${filter.borehole ?? ''}|${filter.include_withdrawn ? 1 : 0}|${version}`,
  );
}
