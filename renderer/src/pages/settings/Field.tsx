import type { ReactNode } from 'react';
import { Field as UiField } from '../../ui/Field';
import type { SaveStatus } from './use-settings';

/**
 * A setting: the design system's field with the setting's save state beside the control. The
 * control names its own describedby ids (`${id}-hint`, `${id}-state`), which are fixed so tests
 * and the state's announcements can find them.
 */
export function Field({
  id,
  label,
  hint,
  status,
  check,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  status?: SaveStatus;
  /** A checkbox: it comes first, its label after it. */
  check?: boolean;
  children: ReactNode;
}) {
  return (
    <UiField
      id={id}
      label={label}
      hint={hint}
      check={check}
      after={status && <SaveState status={status} id={`${id}-state`} />}
    >
      {children}
    </UiField>
  );
}

/** Always rendered (empty when idle) so a "Saved" appearing never moves anything. */
export function SaveState({ status, id }: { status: SaveStatus; id?: string }) {
  if (status.state === 'error')
    return (
      <span className="save-state error" role="alert" id={id}>
        {status.message}
      </span>
    );
  return (
    <span className="save-state muted" role="status" id={id}>
      {status.state === 'saving' ? 'Saving…' : status.state === 'saved' ? 'Saved' : ''}
    </span>
  );
}

/** A text box saved when it loses focus or on Enter, only when its value changed. */
export function TextSetting({
  id,
  value,
  onSave,
  placeholder,
  describedBy,
  wide,
  list,
}: {
  id: string;
  value: string;
  onSave: (value: string) => void;
  placeholder?: string;
  describedBy?: string;
  wide?: boolean;
  /** A datalist of suggestions. */
  list?: string;
}) {
  return (
    <input
      id={id}
      className={wide ? 'wide' : undefined}
      defaultValue={value}
      key={value}
      placeholder={placeholder}
      list={list}
      aria-describedby={describedBy}
      spellCheck={false}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
      onBlur={(event) => {
        const typed = event.target.value.trim();
        if (typed !== value) onSave(typed);
      }}
    />
  );
}
