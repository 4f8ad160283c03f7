import type { NoteExportFormat } from '../../../../../shared/api/note-export-schemas';
import { useApi } from '../../../api/context';
import { MenuButton } from '../../../ui/MenuButton';
import { bytesOfBase64, downloadFile } from '../../../ui/download';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The note's "Export" menu: saved as PDF, Word, Markdown or FHIR JSON (the app asks where; a
 * browser downloads it), or copied as plain text for an EHR's note fields. An unsigned note is
 * exported marked "Draft — not signed", and the confirmation says so.
 */
export function ExportMenu({
  noteId,
  signed,
  onOutcome,
}: {
  noteId: string;
  signed: boolean;
  /** What the export did, in words, for the panel's status line (kept out of the header row). */
  onOutcome: (message: string) => void;
}) {
  const api = useApi();
  const draft = signed ? '' : ' It is marked “Draft — not signed”.';
  const run = (work: () => Promise<string>) =>
    work().then(
      (text) => onOutcome(text),
      (error: unknown) => onOutcome(`The note was not exported: ${messageOf(error)}`),
    );
  const save = (format: NoteExportFormat) =>
    run(async () => {
      const result = await api.call('notes.export', { noteId, format });
      const content =
        result.base64 !== undefined ? bytesOfBase64(result.base64) : (result.text ?? '');
      downloadFile(content, result.fileName, result.mimeType);
      return `Saved as ${result.fileName}.${draft}`;
    });
  const copyForEhr = () =>
    run(async () => {
      const { text } = await api.call('notes.export', { noteId, format: 'ehr' });
      await navigator.clipboard.writeText(text ?? '');
      return `Copied. Paste each block into the matching field of your EHR’s note.${draft}`;
    });
  return (
    <div className="note-export">
      <MenuButton
        label="Export"
        actions={[
          { label: 'Save as PDF…', onSelect: () => void save('pdf') },
          { label: 'Save as Word…', onSelect: () => void save('docx') },
          { label: 'Save as Markdown…', onSelect: () => void save('md') },
          { label: 'Copy for EHR', onSelect: () => void copyForEhr() },
          { label: 'Save FHIR (JSON)…', onSelect: () => void save('fhir') },
        ]}
      />
    </div>
  );
}
