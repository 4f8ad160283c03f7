import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

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
export function Select({ options, className, children, ...props }: SelectProps) {
  return (
    <select className={classNames('select', className)} {...props}>
      {options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}
