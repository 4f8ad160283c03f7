import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';

export type BannerTone = 'info' | 'success' | 'warning' | 'danger';

export interface BannerProps extends Omit<ComponentPropsWithRef<'div'>, 'title'> {
  tone?: BannerTone;
  /** The first line, in the tone's colour. */
  title?: ReactNode;
  /** Buttons under the text. */
  actions?: ReactNode;
}

/**
 * A message across the content. A danger banner is an alert (read out at once, interrupting);
 * the others are a status (read when the reader is free), so a calm note never interrupts.
 * Pass `role` to choose otherwise.
 */
export function Banner({
  tone = 'info',
  title,
  actions,
  className,
  children,
  ...props
}: BannerProps) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={classNames('banner', `banner-${tone}`, className)}
      {...props}
    >
      {title && <p className="banner-title">{title}</p>}
      {children && <div className="banner-body">{children}</div>}
      {actions && <div className="banner-actions">{actions}</div>}
    </div>
  );
}
