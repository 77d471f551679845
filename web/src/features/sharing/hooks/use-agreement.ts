// The request's agreement, read again whenever the request moves (a signature changes it).
import { useQuery } from '../../../lib/use-query.js';
import { getAgreement } from '../api/get-agreement.js';

export function useAgreement(requestId: string, version: number) {
  return useQuery((signal) => getAgreement(requestId, signal), `${requestId}:${version}`);
}
