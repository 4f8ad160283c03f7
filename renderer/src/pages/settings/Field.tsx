import type { ReactNode } from 'react';
import type { SaveStatus } from './use-settings';

/** A labelled control with its hint and its save state, laid out the same everywhere. */
export function Field({
  id,
  label,
  hint,
  status,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  status?: SaveStatus;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        {children}
        {status && <SaveState status={status} id={`${id}-state`} />}
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
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
