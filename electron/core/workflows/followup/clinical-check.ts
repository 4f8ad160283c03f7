import type { FollowUpWarning } from '../../../../shared/api/followup-schemas';
import { scanUtterance } from '../../notes/risk/scan-risk';
import { riskLabel } from '../brief/risk-words';

/**
 * The clinical-detail check of a client-facing message: a diagnosis (a DSM/ICD name or an ICD-10
 * F code), a risk statement (the notes' own risk scanner) or a medication in the message, that
 * the template's own words did not put there, is a warning naming the phrase. It warns, never
 * blocks: the clinician may mean to write it, and decides.
 */

/** Diagnosis names as DSM-5 and ICD-10 write them (and the short forms clinicians use). */
const DIAGNOSES = [
  String.raw`major depressive disorder`,
  String.raw`(?:persistent )?depressive disorder`,
  String.raw`dysthymi(?:a|c disorder)`,
  String.raw`bipolar(?: [i]{1,2})?(?: disorder)?`,
  String.raw`generali[sz]ed anxiety disorder`,
  String.raw`panic disorder`,
  String.raw`social anxiety disorder`,
  String.raw`agoraphobia`,
  String.raw`obsessive[- ]compulsive disorder`,
  String.raw`post[- ]?traumatic stress disorder`,
  String.raw`acute stress disorder`,
  String.raw`adjustment disorder`,
  String.raw`schizo(?:phrenia|affective disorder|typal)`,
  String.raw`psychosis|psychotic disorder`,
  String.raw`borderline personality disorder`,
  String.raw`(?:antisocial|narcissistic|avoidant|dependent) personality disorder`,
  String.raw`personality disorder`,
  String.raw`anorexia nervosa|bulimia nervosa|binge[- ]eating disorder`,
  String.raw`attention[- ]deficit(?:[/ ]hyperactivity)? disorder`,
  String.raw`autism spectrum disorder`,
  String.raw`(?:alcohol|opioid|cannabis|stimulant|substance) use disorder`,
  String.raw`insomnia disorder`,
  String.raw`MDD|GAD|PTSD|OCD|ADHD|BPD`,
] as const;
const DIAGNOSIS = new RegExp(String.raw`\b(?:${DIAGNOSES.join('|')})\b`, 'gi');
/** ICD-10 chapter V (mental and behavioural disorders) codes: F32.1, F41, F43.10. */
const ICD_CODE = /\bF\d{2}(?:\.\d{1,2})?\b/g;
/** Common psychiatric medications: naming one to a client is a prescriber's call. */
const MEDICATIONS = new RegExp(
  String.raw`\b(?:${[
    'sertraline',
    'fluoxetine',
    'paroxetine',
    'citalopram',
    'escitalopram',
    'venlafaxine',
    'duloxetine',
    'bupropion',
    'mirtazapine',
    'trazodone',
    'amitriptyline',
    'lithium',
    'lamotrigine',
    'valproate',
    'quetiapine',
    'olanzapine',
    'risperidone',
    'aripiprazole',
    'clozapine',
    'diazepam',
    'lorazepam',
    'alprazolam',
    'clonazepam',
    'zolpidem',
    'methylphenidate',
    'lisdexamfetamine',
    'naltrexone',
    'buprenorphine',
    'methadone',
    'zoloft',
    'prozac',
    'lexapro',
    'xanax',
    'valium',
    'seroquel',
    'abilify',
    'ritalin',
    'adderall',
  ].join('|')})\b`,
  'gi',
);

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Warnings for the message (subject and body) that the template's own text (`asked`: its subject,
 * body and resources before filling) does not account for.
 */
export function clinicalDetailWarnings(message: string, asked: string): FollowUpWarning[] {
  const allowed = normal(asked);
  const warnings: FollowUpWarning[] = [];
  const seen = new Set<string>();
  const add = (kind: FollowUpWarning['kind'], phrase: string, message: string) => {
    const key = `${kind}:${normal(phrase)}`;
    if (seen.has(key) || allowed.includes(normal(phrase))) return;
    seen.add(key);
    warnings.push({ kind, phrase, message });
  };
  for (const match of message.matchAll(ICD_CODE))
    add(
      'diagnosis',
      match[0],
      `“${match[0]}” looks like a diagnosis code. A client-facing message rarely needs one; remove it unless you mean to share it.`,
    );
  for (const match of message.matchAll(DIAGNOSIS))
    add(
      'diagnosis',
      match[0],
      `“${match[0]}” names a diagnosis the template did not ask for. Remove it unless you mean to share it.`,
    );
  for (const hit of scanUtterance(message))
    add(
      'risk',
      hit.quote,
      `“${hit.quote}” reads as a risk statement (${riskLabel(hit.category).toLowerCase()}). Risk is better discussed in person than in a message.`,
    );
  for (const match of message.matchAll(MEDICATIONS))
    add(
      'medication',
      match[0],
      `“${match[0]}” names a medication the template did not ask for. Check that it belongs in this message.`,
    );
  return warnings;
}
