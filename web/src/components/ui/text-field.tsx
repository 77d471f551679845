// A labelled input with its hint and error tied to it (aria-describedby), so screen readers read
// the rule and the fault with the field.
import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './field-frame.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

export interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: string;
  error?: string | null;
}

export function TextField({ id, label, value, onValue, hint, error, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        {...describedBy({ id, label, hint, error })}
        {...input}
      />
    </FieldFrame>
  );
}
