/**
 * File names from class names: `CoreTaskPolicy` → `core-task-policy`,
 * `HTTPRetryPolicy` → `http-retry-policy`. Only `[a-z0-9-]`, so names are portable
 * across file systems; characters outside ASCII letters and digits become dashes.
 */
export function kebabCase(name: string): string {
  const kebab = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return kebab === '' ? 'policy' : kebab;
}
