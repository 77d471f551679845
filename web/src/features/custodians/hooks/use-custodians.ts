import { useQuery } from '../../../lib/use-query.js';
import { getCustodian, getCustodians } from '../api/get-custodians.js';

export function useCustodians() {
  return useQuery((signal) => getCustodians(signal), 'custodians');
}

export function useCustodian(code: string) {
  return useQuery((signal) => getCustodian(code, signal), code);
}
