/**
 * Per-cell diffs of policy matrices: the data (`diffPolicyCells`, `diffProjectCells`),
 * plain-text lines for terminals (`formatCellDiff`, `formatProjectCellDiff`) and a
 * markdown rendering for pull-request comments (`renderCellDiffMarkdown`).
 */
export {
  asCellTable,
  cellTableOf,
  type CellSource,
  type CellTable,
  type CellTableCell,
  type InternedCellTable,
} from './cell-table.ts';
export {
  diffPolicyCells,
  hasCellChanges,
  type CellChange,
  type PolicyCellDiff,
} from './diff-policy-cells.ts';
export {
  diffProjectCells,
  hasProjectCellChanges,
  type PolicySet,
  type ProjectCellDiff,
} from './diff-project-cells.ts';
export {
  describeCellDiff,
  formatCellChange,
  formatCellChanges,
  formatCellDiff,
  formatProjectCellDiff,
  type CellDiffFormatOptions,
} from './format-cell-diff.ts';
export {
  renderCellDiffMarkdown,
  type CellDiffMarkdownOptions,
} from './render-cell-diff-markdown.ts';
