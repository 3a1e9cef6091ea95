/**
 * Generated-module banners read back: the policy a left-over module was generated
 * for, named without importing it.
 */
import { describe, expect, it } from 'vitest';
import {
  bannerPolicy,
  GENERATED_MARK,
  indexBanner,
  policyBanner,
} from '../../codegen/emit/banner.ts';

describe(bannerPolicy.name, () => {
  it('names the policy of a policy module banner', () => {
    const banner = policyBanner(
      'Core$Policy_2',
      'src/odd dir/policies.ts',
      'npm run generate',
      'ab',
    );
    expect(bannerPolicy(`${banner}\n\nexport {};\n`)).toBe('Core$Policy_2');
  });

  it('names no policy for the index, a bare mark or a hand-written file', () => {
    expect(bannerPolicy(indexBanner('npm run generate', 'ab'))).toBeUndefined();
    expect(bannerPolicy(`${GENERATED_MARK}\n`)).toBeUndefined();
    expect(bannerPolicy('// Source: policy X in y.ts.\n')).toBeUndefined();
  });
});
