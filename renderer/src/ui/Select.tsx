import type { ComponentPropsWithRef } from 'react';

export interface SelectOption {
  value: string | number;
  label: string;
}

export interface SelectProps extends ComponentPropsWithRef<'select'> {
  /** The choices, when they are a plain list; otherwise pass <option> children. */
  options?: readonly SelectOption[];
}

/**
 * A native <select> in Cairn's styles: the browser's own list (keyboard, screen readers and
 * type-ahead all work) behind a styled box. Every native prop and the ref reach the <select>.
 */
export function Select({ options, children, ...props }: SelectProps) {
  // No class of its own: base.css styles every <select>, so a plain one and this one match.
  return (
    <select {...props}>
      {options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}
