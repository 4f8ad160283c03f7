/** Risk kinds in a clinician's words, and the vocabulary themes a note uses to speak of them. */
const RISK_KINDS: Record<string, { label: string; themes: readonly string[] }> = {
  suicidal_ideation_passive: { label: 'Passive suicidal ideation', themes: ['suicidal_ideation'] },
  suicidal_ideation_active: { label: 'Active suicidal ideation', themes: ['suicidal_ideation'] },
  intent_or_plan: { label: 'Suicidal intent or plan', themes: ['suicidal_ideation'] },
  self_harm: { label: 'Self-harm', themes: ['self_harm'] },
  harm_to_others: { label: 'Risk of harm to others', themes: ['anger'] },
  abuse_or_neglect: { label: 'Abuse or neglect', themes: ['trauma', 'family'] },
  substance_crisis: { label: 'Substance crisis', themes: ['substance_use'] },
};

export function riskLabel(kind: string): string {
  return Object.hasOwn(RISK_KINDS, kind)
    ? (RISK_KINDS[kind]?.label ?? kind)
    : kind.replace(/_/g, ' ');
}

export function riskThemes(kind: string): readonly string[] {
  return Object.hasOwn(RISK_KINDS, kind) ? (RISK_KINDS[kind]?.themes ?? []) : [];
}
