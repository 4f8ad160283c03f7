import type { ComponentPropsWithRef } from 'react';
import { classNames } from './class-names';

export interface TableProps extends ComponentPropsWithRef<'table'> {
  /** Tighter rows and smaller text, for logs. */
  dense?: boolean;
}

/**
 * A data table in Cairn's styles. A thin wrapper on purpose: rows, headers, scope and captions
 * stay plain HTML, which screen readers already know how to read.
 */
export function Table({ dense = false, className, ...props }: TableProps) {
  return <table className={classNames('table', dense && 'table-dense', className)} {...props} />;
}
