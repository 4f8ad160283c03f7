import { useState } from 'react';
import type { ClientGuide } from '../../../../shared/api/brief-schemas';
import { Button } from '../../ui/Button';

/** The client's sheet as they would read it, with a copy button (Cairn sends nothing itself). */
export function ClientGuideView({ guide }: { guide: ClientGuide }) {
  const [copied, setCopied] = useState(false);
  const text = [
    guide.title,
    '',
    ...guide.sections.flatMap((s) => [s.heading, ...s.lines, '']),
  ].join('\n');
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <aside className="client-guide" aria-labelledby="client-guide-title">
      <div className="brief-head">
        <h3 id="client-guide-title">For the client</h3>
        <Button size="sm" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="muted">
        Reading grade {guide.grade}. Made only from the themes, never from the notes&apos; words.
      </p>
      <h4>{guide.title}</h4>
      {guide.sections.map((section) => (
        <section key={section.heading}>
          <h5>{section.heading}</h5>
          {section.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      ))}
    </aside>
  );
}
