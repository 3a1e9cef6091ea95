/**
 * The build plugin's options: the mode follows `CI` unless given, and every key that is
 * not the plugin's own overrides the config file's.
 */
import { describe, expect, it } from 'vitest';
import { configOverrides, pluginMode } from '../../codegen/plugin/plugin-options.ts';

describe(pluginMode.name, () => {
  it('generates by default and checks when CI is set', () => {
    expect(pluginMode({}, {})).toBe('generate');
    expect(pluginMode({}, { CI: 'true' })).toBe('check');
    expect(pluginMode({}, { CI: '1' })).toBe('check');
  });

  it('treats an empty, 0 or false CI as not set', () => {
    for (const CI of ['', '0', 'false', 'FALSE']) expect(pluginMode({}, { CI })).toBe('generate');
  });

  it('lets the option win over CI', () => {
    expect(pluginMode({ mode: 'generate' }, { CI: 'true' })).toBe('generate');
    expect(pluginMode({ mode: 'check' }, {})).toBe('check');
  });
});

describe(configOverrides.name, () => {
  it("keeps the config's keys and drops the plugin's own", () => {
    expect(
      configOverrides({
        config: 'x.config.ts',
        cwd: '/p',
        mode: 'check',
        debounceMs: 5,
        outDir: 'out',
        report: true,
      }),
    ).toEqual({ outDir: 'out', report: true });
  });
});
