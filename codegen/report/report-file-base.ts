/**
 * File names of report files: a policy's class name in kebab case
 * (`CoreTaskPolicy` → `core-task-policy`), by the emit step's own rule, so a policy's
 * report, heatmap and generated module share one name.
 */
import { kebabCase } from '../emit/kebab-case.ts';

/** `name` in kebab case, exactly as generated module names are (see `kebabCase`). Pure. */
export function reportFileBase(name: string): string {
  return kebabCase(name);
}
