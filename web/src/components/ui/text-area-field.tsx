// A labelled multi-line input with its hint and error tied to it, like TextField.
import type { TextareaHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './field-frame.js';

type AreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>;

export interface TextAreaFieldProps extends AreaProps {
  id: string;
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: string;
  error?: string | null;
}

export function TextAreaField({ id, label, value, onValue, hint, error, ...area }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        {...describedBy({ id, label, hint, error })}
        rows={3}
        {...area}
      />
    </FieldFrame>
  );
}
