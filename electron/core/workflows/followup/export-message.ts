import MailComposer from 'nodemailer/lib/mail-composer';

/**
 * A follow-up as something the clinician's own mail program sends: an RFC 5322 message (.eml),
 * plain text for the clipboard, or a mailto: link. Cairn sends nothing and opens no connection:
 * nodemailer's MailComposer only builds the message; no transport is ever created.
 */

export interface MessageText {
  subject: string;
  body: string;
}

/**
 * The .eml: UTF-8 text, no From or To (Cairn knows neither the practice's address nor the
 * client's; the mail program fills them in), marked unsent so mail programs open it as a draft.
 */
export async function buildEml(message: MessageText, date: Date = new Date()): Promise<string> {
  const composer = new MailComposer({
    subject: message.subject,
    text: message.body,
    date,
    textEncoding: 'quoted-printable',
    headers: { 'X-Unsent': '1' },
  });
  const built = await composer.compile().build();
  return built.toString('utf8');
}

/** Subject, a blank line and the body: what "Copy" puts on the clipboard. */
export function clipboardText(message: MessageText): string {
  return `${message.subject}\n\n${message.body}`;
}

/** A mailto: link with no recipient: the mail app opens a new message with the text in it. */
export function mailtoLink(message: MessageText): string {
  const body = message.body.replace(/\r?\n/g, '\r\n');
  return `mailto:?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(body)}`;
}
