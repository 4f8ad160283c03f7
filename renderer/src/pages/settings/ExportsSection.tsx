import { Field } from './Field';
import { SelectSetting } from './SelectSetting';
import { textSetting, type Settings, type SettingValues } from './use-settings';

/**
 * What an exported note carries: the practice's header, how the client is named, and the PDF's
 * paper. Each applies to every format (PDF, Word, Markdown, EHR text, FHIR) at the next export.
 */
export function ExportsSection({
  settings,
  values,
}: {
  settings: Settings;
  values: SettingValues;
}) {
  const header = textSetting(values, 'exportPracticeHeader');
  return (
    <section aria-labelledby="exports-title" className="settings-section" data-testid="exports">
      <h2 id="exports-title">Exported notes</h2>
      <Field
        id="export-practice-header"
        label="Practice header"
        status={settings.statusOf('exportPracticeHeader')}
        hint="The practice’s name on the first line, then its address: the top of every exported note."
      >
        <textarea
          id="export-practice-header"
          className="wide"
          rows={4}
          defaultValue={header}
          key={header}
          aria-describedby="export-practice-header-hint export-practice-header-state"
          onBlur={(event) => {
            const typed = event.target.value.trim();
            if (typed !== header) void settings.save('exportPracticeHeader', typed);
          }}
        />
      </Field>
      <SelectSetting
        id="export-client-name"
        name="exportClientName"
        label="Name the client by"
        hint="Initials say less on a page left on a desk; each export can still choose."
        settings={settings}
        values={values}
        choices={[
          ['initials', 'Initials (Z. M.)'],
          ['full', 'Full name'],
        ]}
      />
      <SelectSetting
        id="export-paper-size"
        name="exportPaperSize"
        label="Paper"
        hint="For PDF and Word files. Automatic: Letter in the US and Canada, A4 elsewhere."
        settings={settings}
        values={values}
        choices={[
          ['auto', 'Automatic'],
          ['a4', 'A4'],
          ['letter', 'US Letter'],
        ]}
      />
    </section>
  );
}
