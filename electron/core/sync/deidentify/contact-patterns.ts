import type { Finding } from './categories';
import { finding } from './text-spans';

const EMAIL = /(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * Links with a scheme or "www.", and bare domains on the common top-level domains ("etsy.com/shop/…",
 * "bit.ly/…"). A bare domain alone is rarely about the client, but a path on one often is, and
 * when in doubt the rule is to redact.
 */
const URL_WITH_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const BARE_DOMAIN =
  /(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|gov|edu|io|co|us|me|ly|info|biz|app|ai|tv|uk|ca|health|link|site|online)(?:\/[^\s<>"'`]*)?(?![\w@])/gi;

/** Sentence punctuation after a link is not part of it. */
function trimTrailingPunctuation(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /[.,;:!?)\]'"’”]/.test(text[trimmed - 1] ?? '')) trimmed -= 1;
  return trimmed;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, 'g');
/** Full or "::"-compressed IPv6; times like 10:30:15 have too few groups and no "::". */
const IPV6 =
  /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,7}:|::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})(?![\w:])/gi;

export function findContactIdentifiers(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(EMAIL)) {
    found.push(finding(text, 'EMAIL', match.index, match.index + match[0].length));
  }
  for (const pattern of [URL_WITH_SCHEME, BARE_DOMAIN]) {
    for (const match of text.matchAll(pattern)) {
      const end = trimTrailingPunctuation(text, match.index, match.index + match[0].length);
      if (end > match.index) found.push(finding(text, 'URL', match.index, end));
    }
  }
  for (const pattern of [IPV4, IPV6]) {
    for (const match of text.matchAll(pattern)) {
      found.push(finding(text, 'IP', match.index, match.index + match[0].length));
    }
  }
  return found;
}
