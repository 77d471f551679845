// The datasets returned from one borehole, read again when `version` changes (after an upload).
import { useQuery } from '../../../lib/use-query.js';
import { getBoreholeReturns } from '../api/get-borehole-returns.js';

export function useBoreholeReturns(boreholeId: string, version = 0) {
  return useQuery((signal) => getBoreholeReturns(boreholeId, signal), `${boreholeId}:${version}`);
}
