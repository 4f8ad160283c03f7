import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RunProgressLine } from '../../renderer/src/ui/RunProgressLine';

const render = (progress: Parameters<typeof RunProgressLine>[0]['progress']) =>
  renderToStaticMarkup(createElement(RunProgressLine, { label: 'Preparing the brief', progress }));

describe("a workflow run's progress line in the desk", () => {
  it('says the stage in words, the percent and the time left', () => {
    const html = render({
      stage: 'isolation_check',
      message: 'isolation_check',
      percent: 80,
      etaSec: 2,
    });
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-label="Preparing the brief"');
    expect(html).toContain('checking nothing crossed over · 80% · 0:02 left');
  });

  it('leaves the time out until there is an estimate, and waits before the first stage', () => {
    expect(render({ stage: 'extract', message: 'extract', percent: 0, etaSec: null })).toContain(
      'finding what the session used · 0%</p>',
    );
    expect(render(null)).toContain('Waiting to start');
  });
});
