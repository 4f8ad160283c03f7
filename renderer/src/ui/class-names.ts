/** Joins the class names that are set: `classNames('btn', primary && 'btn-primary', className)`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
