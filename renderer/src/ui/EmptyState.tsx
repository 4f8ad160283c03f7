import type { ReactNode } from 'react';

/**
 * What a list shows when it has nothing yet: what is missing, how to get it, and the action
 * that does, so an empty page is a starting point rather than a dead end.
 */
export function EmptyState({
  title,
  children,
  actions,
  testId,
}: {
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state-title">{title}</p>
      {children && <p className="empty-state-body">{children}</p>}
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
