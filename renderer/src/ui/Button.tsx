import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'md' | 'sm';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  /** primary: the one main action of a view; danger: destroys something; ghost: row actions. */
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** The classes of a button, for an element that must look like one (a link to a page). */
export function buttonClass(
  variant: ButtonVariant = 'secondary',
  size: ButtonSize = 'md',
  className?: string,
): string {
  return classNames('btn', `btn-${variant}`, size === 'sm' && 'btn-sm', className);
}

/**
 * A button in Cairn's styles. Every native prop (and the ref, a plain prop in React 19) reaches
 * the <button>. The type defaults to "button": a button in a form that submits it by accident
 * is a classic bug; a submit button says so.
 */
export function Button({
  variant = 'secondary',
  size = 'md',
  className,
  type = 'button',
  ...props
}: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
