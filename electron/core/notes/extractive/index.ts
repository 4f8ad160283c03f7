/** The extractive floor: what the note writer and the CLI, UI and export import. */
export { extractiveSections, type ExtractiveOptions } from './extractive-sections';
export { EXTRACTIVE_EXPLANATION, EXTRACTIVE_LABEL, renderExtractiveLabel } from './label';
