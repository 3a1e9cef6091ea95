/**
 * File names of report files: a policy's class name in kebab case
 * (`CoreTaskPolicy` → `core-task-policy`), so reports sit next to the same names as
 * the generated modules.
 */

/**
 * `name` in kebab case: a hyphen before each word-starting capital (`HTTPRetryPolicy`
 * → `http-retry-policy`), lower case, any character that is not a letter or digit
 * replaced by a hyphen, runs of hyphens merged. Pure.
 */
export function reportFileBase(name: string): string {
  const kebab = name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1-$2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1-$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return kebab === '' ? 'policy' : kebab;
}
