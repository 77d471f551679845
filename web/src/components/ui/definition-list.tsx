// A label/value list that leaves out empty values, so sparse records do not show rows of dashes.
import type { ReactNode } from 'react';

export interface DefinitionItem {
  label: string;
  value: ReactNode;
}

const isEmpty = (v: ReactNode): boolean => v == null || v === '' || v === false;

export function DefinitionList({ items, className }: { items: DefinitionItem[]; className?: string }) {
  const shown = items.filter((i) => !isEmpty(i.value));
  if (shown.length === 0) return null;
  return (
    <dl className={`definition-list ${className ?? ''}`}>
      {shown.map((i) => (
        <div key={i.label} className="definition-list__row">
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
