import type { Finding } from './categories';
import { finding } from './text-spans';

/**
 * A degree or generational suffix after a name belongs to it: "Janice Brkić MD", "Omar Haddad,
 * LCSW", "Tom Reyes Jr." leave no credential dangling after "[NAME]" that narrows down who it was;
 * a district number after a town ("Praha 2") goes with the town.
 */
const SUFFIX =
  /^,?[ \t]+(?:M\.?D\.?|D\.?O\.?|Ph\.?D\.?|Psy\.?D\.?|Ed\.?D\.?|RN|NP|PA-C|APRN|DNP|LCSW|LICSW|LMSW|MSW|LPC|LPCC|LMHC|LCPC|LMFT|MFT|CADC|LADC|DDS|DMD|DVM|PharmD|MBA|CPA|JD|Esq\.?|Jr\.?|Sr\.?|II|III|IV|V)(?![\p{L}\p{N}])/u;

/** A district number after a town ("Praha 2", "Cite Ezzitoun 2,"), not a count ("Boston 2 weeks"). */
const DISTRICT = /^[ \t]\d{1,2}(?=[.,;:!?)]|\s*$)/;

export function withNameSuffixes(text: string, findings: Finding[]): Finding[] {
  return findings.map((found, index) => {
    const trailing =
      found.category === 'NAME' ? SUFFIX : found.category === 'LOCATION' ? DISTRICT : undefined;
    if (!trailing) return found;
    const suffix = trailing.exec(text.slice(found.end));
    const next = findings[index + 1];
    if (!suffix || (next && next.start < found.end + suffix[0].length)) return found;
    return finding(text, found.category, found.start, found.end + suffix[0].length);
  });
}
