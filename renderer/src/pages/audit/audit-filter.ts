import type { AuditFilter } from '../../../../shared/api/security-schemas';
import { downloadFile } from '../../ui/download';

export interface AuditFilterForm {
  entityType: string;
  action: string;
  /** YYYY-MM-DD from a date input, or ''. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterForm = { entityType: '', action: '', from: '', to: '' };

export const ENTITY_TYPES = [
  'session',
  'note',
  'client',
  'recording',
  'risk_flag',
  'run',
  'template',
  'settings',
  'access',
  'audit',
] as const;

/** The form as the API's filter: dates are whole local days, from the first to the last. */
export function toAuditFilter(form: AuditFilterForm): AuditFilter {
  const day = (value: string, end: boolean) => {
    if (value === '') return undefined;
    const at = new Date(`${value}T00:00:00`);
    if (end) at.setDate(at.getDate() + 1);
    const ms = at.getTime() - (end ? 1 : 0);
    return Number.isNaN(ms) ? undefined : ms;
  };
  return {
    entityType: form.entityType || undefined,
    action: form.action.trim() || undefined,
    from: day(form.from, false),
    to: day(form.to, true),
  };
}

/** Offers the export to the browser as a file (the app's browser window saves it the same way). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadFile(text, fileName, type);
}
