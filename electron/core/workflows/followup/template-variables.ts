import {
  TEMPLATE_VARIABLES,
  variablesUsedIn,
  type EmailTemplate,
  type PromptTemplate,
} from '../../../../shared/api/template-schemas';
import { ValidationError } from '../../errors';

/** The texts of a template that may use variables. */
function textsOf(template: EmailTemplate | PromptTemplate): string[] {
  return template.type === 'email'
    ? [template.subject, template.body, template.resources]
    : [template.instructions];
}

const known = (name: string) => Object.hasOwn(TEMPLATE_VARIABLES, name);
const listed = (names: readonly string[]) => names.map((n) => `{{${n}}}`).join(', ');

/**
 * Checks a template's variables before it is saved: each one used must be declared, each declared
 * one must be known (see TEMPLATE_VARIABLES) and used. A declared-but-unused variable is refused
 * too: the declaration is what the clinical-detail check trusts, so it must say what is used.
 */
export function checkTemplateVariables(template: EmailTemplate | PromptTemplate): void {
  const used = variablesUsedIn(...textsOf(template));
  const declared = new Set(template.variables);
  const unknown = [...new Set([...used, ...template.variables])].filter((n) => !known(n));
  if (unknown.length > 0)
    throw new ValidationError(
      'template_variable_unknown',
      `The template uses ${listed(unknown)}, which Cairn does not know. Variables it knows: ${listed(Object.keys(TEMPLATE_VARIABLES))}.`,
    );
  const undeclared = used.filter((n) => !declared.has(n));
  if (undeclared.length > 0)
    throw new ValidationError(
      'template_variable_undeclared',
      `The template uses ${listed(undeclared)} without declaring it. Add it to the template’s variables.`,
    );
  const unused = template.variables.filter((n) => !used.includes(n));
  if (unused.length > 0)
    throw new ValidationError(
      'template_variable_unused',
      `The template declares ${listed(unused)} but does not use it. Use it in the text or remove it from the variables.`,
    );
}

/** The text with each `{{variable}}` replaced by its value (a variable without one stays empty). */
export function fillVariables(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : '',
  );
}
