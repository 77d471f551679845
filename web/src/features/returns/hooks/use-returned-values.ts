// One dataset's values, read only once asked for (the borehole page shows them on demand).
import { useCallback, useEffect, useState } from 'react';
import { getReturnedValues, type ReturnedValues } from '../api/get-returned-values.js';

export type ReturnedValuesState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: ReturnedValues };

export function useReturnedValues(id: string) {
  const [asked, setAsked] = useState(0);
  const [state, setState] = useState<ReturnedValuesState>({ status: 'idle' });

  useEffect(() => {
    if (asked === 0) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    getReturnedValues(id, controller.signal).then(
      (data) => !controller.signal.aborted && setState({ status: 'success', data }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [id, asked]);

  /** Reads the values (again, after a failure). */
  const load = useCallback(() => setAsked((n) => n + 1), []);
  return { state, load };
}
