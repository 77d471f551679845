// A labelled select with its hint and error tied to it, like TextField.
import type { SelectHTMLAttributes } from 'react';

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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
