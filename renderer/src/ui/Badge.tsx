import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';
import type { Tone } from './status-words';

export interface BadgeProps extends ComponentPropsWithRef<'span'> {
  tone?: Tone;
}

/**
 * A short status in a pill. Its words carry the meaning; the tone only helps the eye, so the
 * badge reads the same without colour.
 */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return <span className={classNames('badge', `badge-${tone}`, className)} {...props} />;
}
