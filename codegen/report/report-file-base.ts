/**
 * File names of report files: a policy's class name in kebab case
 * (`CoreTaskPolicy` → `core-task-policy`), by the same rule as the emit step's
 * generated module names, so a policy's report, heatmap and module share one name.
 */

/**
 * `name` in kebab case: a hyphen before each word-starting capital (`HTTPRetryPolicy`
 * → `http-retry-policy`), any run of characters other than ASCII letters and digits
 * replaced by one hyphen, no hyphen at either end, lower case; `policy` when nothing
 * is left. Only `[a-z0-9-]`, so names are portable across file systems. Pure.
 */
export function reportFileBase(name: string): string {
  const kebab = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return kebab === '' ? 'policy' : kebab;
}
