// Search results carry only the custodian's code; the custodian list (one small request, shared
// with the custodians feature) turns it into a name. Until it arrives, or if it fails, codes show.
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../../lib/i18n-context.js';
import { custodianName } from '../../custodians/components/custodian-name.js';
import { useCustodians } from '../../custodians/hooks/use-custodians.js';

export function useCustodianNames(): (code: string) => string {
  const { lang } = useI18n();
  const custodians = useCustodians();
  const byCode = useMemo(
    () => new Map((custodians.data?.items ?? []).map((c) => [c.code, c])),
    [custodians.data],
  );
  return useCallback(
    (code: string) => {
      const custodian = byCode.get(code);
      return custodian ? custodianName(custodian, lang) : code;
    },
    [byCode, lang],
  );
}
