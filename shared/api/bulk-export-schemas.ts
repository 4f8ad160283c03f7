import { z } from 'zod';

/**
 * A bulk export of records (the whole library or one client's) to a folder: JSON files, CSV
 * tables and a manifest of hashes. Identifiers only when the user asks for them.
 */

export const BULK_EXPORT_FORMATS = ['json', 'csv'] as const;
export type BulkExportFormat = (typeof BULK_EXPORT_FORMATS)[number];

/** What a bulk export covers: every session of the library, or one client's. */
export const BulkExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }),
  z.object({ kind: z.literal('client'), clientId: z.string().min(1).max(100) }),
]);
export type BulkExportScope = z.infer<typeof BulkExportScope>;

/** What the user chose; kept with the run (the target is a local path, in the encrypted library). */
export const BulkExportRequest = z.object({
  scope: BulkExportScope,
  /** An absolute path to a folder that does not exist yet, or is empty. */
  target: z.string().trim().min(1).max(4096),
  formats: z
    .array(z.enum(BULK_EXPORT_FORMATS))
    .min(1)
    .max(2)
    .refine((formats) => new Set(formats).size === formats.length, 'each format once'),
  /** Names and Cairn's ids as they are; false (the default) pseudonymises them. */
  identifiers: z.boolean().optional(),
});
export type BulkExportRequest = z.infer<typeof BulkExportRequest>;
export type BulkExportRequestInput = z.input<typeof BulkExportRequest>;

export const BulkExportCounts = z.object({
  clients: z.number().int(),
  sessions: z.number().int(),
  notes: z.number().int(),
  segments: z.number().int(),
  goals: z.number().int(),
});
export type BulkExportCounts = z.infer<typeof BulkExportCounts>;

export const BULK_EXPORT_MODES = ['identified', 'pseudonymised'] as const;

/** One file of an export, as manifest.json lists it. */
export const ManifestFile = z.object({
  /** Relative to the export folder, with forward slashes. */
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/** manifest.json, written last: an export folder without one is not a finished export. */
export const BulkExportManifest = z.object({
  format: z.literal('cairn-export-manifest'),
  version: z.literal(1),
  exportId: z.string(),
  createdAt: z.iso.datetime(),
  cairnVersion: z.string(),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('library') }),
    /** The client's id, or its pseudonym in a pseudonymised export. */
    z.object({ kind: z.literal('client'), client: z.string() }),
  ]),
  mode: z.enum(BULK_EXPORT_MODES),
  formats: z.array(z.enum(BULK_EXPORT_FORMATS)),
  counts: BulkExportCounts,
  files: z.array(ManifestFile),
});
export type BulkExportManifest = z.infer<typeof BulkExportManifest>;

/** What `library.export` answers: the run doing it (progress as runs.progress, cancellable). */
export const BulkExportStarted = z.object({ runId: z.string() });

/** A finished export: where it is and what it holds (from its manifest). */
export const BulkExportResult = z.object({
  runId: z.string(),
  status: z.enum(['running', 'completed', 'failed', 'cancelled']),
  /** The finished folder; null until the run completed. */
  folder: z.string().nullable(),
  manifest: BulkExportManifest.nullable(),
});
export type BulkExportResult = z.infer<typeof BulkExportResult>;
