/**
 * De-identification of free text under HIPAA Safe Harbor: the gate every payload passes before it
 * leaves the clinician's machine for a shared bucket. Detectors (patterns, the session's own
 * dictionary of names, an in-process NLP model) propose spans; the combiner merges them; each
 * span is replaced by a typed placeholder such as "[NAME]". Nothing here touches the network.
 */
import { findCuedAddresses } from './address-cues';
import { findAddresses } from './address-patterns';
import { placeholderFor, type Finding } from './categories';
import { combineFindings, EVIDENCE, type Candidate } from './combine';
import { findContactIdentifiers } from './contact-patterns';
import { findAges } from './age-patterns';
import { findDates } from './date-patterns';
import { findGazetteerPlaces } from './gazetteer-places';
import { findKnownNames } from './known-names';
import { findListNames } from './list-names';
import { findNamesByContext } from './name-patterns';
import { withNameSuffixes } from './name-suffix';
import { findNlpNamesAndPlaces } from './nlp-names';
import { findNumberIdentifiers } from './number-patterns';
import { findPlaces } from './place-patterns';
import { maskPlaceholders } from './text-spans';
import { truecased } from './truecase';

export {
  IDENTIFIER_CATEGORIES,
  placeholderFor,
  type Finding,
  type IdentifierCategory,
} from './categories';

export interface DeidentifyOptions {
  /** The session's people: client, speakers, anyone mentioned. Full names, and nicknames if known. */
  knownNames?: readonly string[];
}

export interface DeidentifiedText {
  text: string;
  findings: Finding[];
}

const withEvidence = (findings: Finding[], evidence: number): Candidate[] =>
  findings.map((found) => ({ ...found, evidence }));

/** Every identifier in `text`, as disjoint spans in order. Placeholders already there are skipped. */
export function findIdentifiers(text: string, options: DeidentifyOptions = {}): Finding[] {
  // A text without capitals (ASR, fast typing) is read with a writer's capitals put back.
  const masked = truecased(maskPlaceholders(text));
  const candidates: Candidate[] = [
    ...withEvidence(findKnownNames(masked, options.knownNames ?? []), EVIDENCE.dictionary),
    ...withEvidence(findContactIdentifiers(masked), EVIDENCE.pattern),
    ...withEvidence(findNumberIdentifiers(masked), EVIDENCE.pattern),
    ...withEvidence(findDates(masked), EVIDENCE.pattern),
    ...withEvidence(findAges(masked), EVIDENCE.pattern),
    ...findPlaces(masked),
    ...findAddresses(masked),
    ...findCuedAddresses(masked),
    ...findGazetteerPlaces(masked),
    ...findNamesByContext(masked),
    ...findListNames(masked),
    ...withEvidence(findNlpNamesAndPlaces(masked), EVIDENCE.model),
  ];
  // Offsets are the same in the masked view and the original text; report the original's characters.
  return withNameSuffixes(text, combineFindings(text, candidates));
}

/** `text` with every identifier replaced by its placeholder, and what was replaced. */
export function deidentify(text: string, options: DeidentifyOptions = {}): DeidentifiedText {
  const findings = findIdentifiers(text, options);
  let result = '';
  let last = 0;
  for (const found of findings) {
    result += text.slice(last, found.start) + placeholderFor(found.category);
    last = found.end;
  }
  return { text: result + text.slice(last), findings };
}
