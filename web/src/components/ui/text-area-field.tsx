// A labelled multi-line input with its hint and error tied to it, like TextField.
import type { TextareaHTMLAttributes } from 'react';

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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        rows={3}
        {...area}
      />
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
