/**
 * The markdown `--diff-markdown` writes: the project's cell diff, and the policies whose
 * old module could not be read back, so a pull-request comment never hides them.
 */
import { describe, expect, it } from 'vitest';
import { diffMarkdown } from '../../codegen/cli/diff-markdown-file.ts';

describe(diffMarkdown.name, () => {
  it('is the cell diff alone when every module was compared', () => {
    expect(diffMarkdown({ added: ['NewPolicy'], removed: [], changed: [] }, [])).toBe(
      '### Policy matrix changes\n\n1 policy added, 0 removed, 0 changed.\n\n- Added: `NewPolicy`\n',
    );
  });

  it('lists the policies that were not compared, and why', () => {
    expect(
      diffMarkdown({ added: [], removed: [], changed: [] }, [
        { policy: 'Odd_Policy', note: 'it exports no compiled policy named Odd_Policy' },
      ]),
    ).toBe(
      [
        '### Policy matrix changes',
        '',
        'No policy matrix changes.',
        '',
        'Not compared (the old module could not be read back):',
        '',
        '- `Odd_Policy`: it exports no compiled policy named Odd\\_Policy',
        '',
      ].join('\n'),
    );
  });
});
