import type { Finding } from './categories';
import { finding } from './text-spans';

/**
 * A degree or generational suffix after a name belongs to it: "Janice Brkić MD", "Omar Haddad,
 * LCSW", "Tom Reyes Jr." leave no credential dangling after "[NAME]" that narrows down who it was.
 */
const SUFFIX =
  /^,?[ \t]+(?:M\.?D\.?|D\.?O\.?|Ph\.?D\.?|Psy\.?D\.?|Ed\.?D\.?|RN|NP|PA-C|APRN|DNP|LCSW|LICSW|LMSW|MSW|LPC|LPCC|LMHC|LCPC|LMFT|MFT|CADC|LADC|DDS|DMD|Esq\.?|Jr\.?|Sr\.?|II|III|IV)(?![\p{L}\p{N}])/u;

export function withNameSuffixes(text: string, findings: Finding[]): Finding[] {
  return findings.map((found, index) => {
    if (found.category !== 'NAME') return found;
    const suffix = SUFFIX.exec(text.slice(found.end));
    const next = findings[index + 1];
    if (!suffix || (next && next.start < found.end + suffix[0].length)) return found;
    return finding(text, 'NAME', found.start, found.end + suffix[0].length);
  });
}
