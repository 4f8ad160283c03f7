import { useId, type ReactNode } from 'react';
import { classNames } from './class-names';

/** What a field hands its control, so the label, hint and error are tied to it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  /** The control's id; one is made when not given. The hint is `${id}-hint`, the error `${id}-error`. */
  id?: string;
  hint?: ReactNode;
  /** What went wrong: shown under the control, which is then marked invalid. */
  error?: ReactNode;
  /** More ids that describe the control (a save state beside it). */
  describedBy?: string;
  /** Beside the control, on its row: a button, a save state. */
  after?: ReactNode;
  /** A checkbox or radio: the control first, its label after it on the same line. */
  check?: boolean;
  className?: string;
  /**
   * The control. A function receives the id and ARIA props to spread on it; plain children wire
   * themselves (with the `id` given here).
   */
  children: ReactNode | ((control: FieldControlProps) => ReactNode);
}

/**
 * A labelled control with its hint and error, laid out the same everywhere. The error is read
 * with the control (aria-describedby) and marks it invalid, so a screen reader hears both.
 */
export function Field({
  label,
  id,
  hint,
  error,
  describedBy,
  after,
  check = false,
  className,
  children,
}: FieldProps) {
  const madeId = useId();
  const controlId = id ?? madeId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describedByIds = classNames(hint ? hintId : null, hasError ? errorId : null, describedBy);
  const control: FieldControlProps = {
    id: controlId,
    ...(describedByIds && { 'aria-describedby': describedByIds }),
    ...(hasError && { 'aria-invalid': true }),
  };
  const labelElement = <label htmlFor={controlId}>{label}</label>;
  return (
    <div className={classNames('field', check && 'field-check', className)}>
      {!check && labelElement}
      <div className="field-control">
        {typeof children === 'function' ? children(control) : children}
        {check && labelElement}
        {after}
      </div>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {hasError && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
