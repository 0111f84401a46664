import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { ComponentProps, ReactNode } from 'react';

type SelectFieldProps = Omit<ComponentProps<typeof Select>, 'children'> & {
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
};

/** Labelled native select with optional description and validation message. */
export function SelectField({ label, description, error, children, className, ...rest }: SelectFieldProps) {
  return (
    <Field className={className}>
      <Label>{label}</Label>
      {description ? <Field.Description>{description}</Field.Description> : null}
      <Select {...rest} aria-invalid={error ? true : undefined}>
        {children}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}
