// A labelled select with its hint and error tied to it, like TextField.
import type { SelectHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './field-frame.js';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onValue(value: string): void;
  hint?: string;
  error?: string | null;
}

export function SelectField({
  id,
  label,
  value,
  options,
  onValue,
  hint,
  error,
  ...select
}: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        {...describedBy({ id, label, hint, error })}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
