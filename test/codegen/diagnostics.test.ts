/**
 * The diagnostics catalogue (codegen/problem/diagnostics.ts) against its documentation
 * and against the compiler's sources: docs/diagnostics.md has a section for exactly the
 * catalogue's codes, in its order, each with the catalogue's title and severity, an
 * example line of that code and the fix; every code of the catalogue is reported
 * somewhere in codegen/, and every code codegen/ reports is in the catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  diagnosticAnchor,
  DIAGNOSTICS,
  type DiagnosticCode,
} from '../../codegen/problem/diagnostics.ts';
import { REPO_ROOT } from './support/fixture-project.ts';

const CODES = Object.keys(DIAGNOSTICS) as DiagnosticCode[];
// The catalogue, and lint's table of its codes (LINT_CODES), name every code without
// reporting any: they do not count as uses.
const CATALOGUES = new Set(['codegen/problem/diagnostics.ts', 'codegen/lint/lint-finding.ts']);

/** docs/diagnostics.md cut at its `## PMxxx` headings: code → the section's text. */
function documentedSections(): Map<string, string> {
  const text = readFileSync(path.join(REPO_ROOT, 'docs/diagnostics.md'), 'utf8');
  const sections = new Map<string, string>();
  const parts = text.split(/^## /m).slice(1);
  for (const part of parts) {
    const [heading = '', ...body] = part.split('\n');
    sections.set(heading, body.join('\n'));
  }
  return sections;
}

/** Every TypeScript file under codegen/ but the catalogues: path → text. */
function compilerSources(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') walk(file);
      else if (entry.name.endsWith('.ts') && !CATALOGUES.has(file))
        files.set(file, readFileSync(path.join(REPO_ROOT, file), 'utf8'));
    }
  };
  walk('codegen');
  return files;
}

/** The codes written as literals (`'PM041'`) in the compiler's sources, with a file of each. */
function codesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const [file, text] of compilerSources())
    for (const [, code = ''] of text.matchAll(/'(PM\d{3})'/g))
      if (!found.has(code)) found.set(code, file);
  return found;
}

describe('the diagnostics catalogue', () => {
  it('numbers problems PM0xx and lint findings PM1xx, problems always errors', () => {
    for (const code of CODES) {
      expect(code, code).toMatch(/^PM[01]\d\d$/);
      if (code.startsWith('PM0')) expect(DIAGNOSTICS[code].severity, code).toBe('error');
    }
  });

  it('has a section in docs/diagnostics.md for exactly its codes, in its order', () => {
    expect([...documentedSections().keys()]).toEqual(CODES);
    expect(CODES.map(diagnosticAnchor)).toEqual(CODES.map((code) => code.toLowerCase()));
  });

  it("documents each code with the catalogue's title and severity, an example of it and the fix", () => {
    const sections = documentedSections();
    for (const code of CODES) {
      const { title, severity } = DIAGNOSTICS[code];
      const section = sections.get(code) ?? '';
      const heading = `**${title.charAt(0).toUpperCase()}${title.slice(1)}** · ${severity}`;
      expect(section.trimStart().split('\n')[0], code).toBe(heading);
      const example = /```\n(.*)\n```/.exec(section)?.[1] ?? '';
      expect(example, code).toMatch(
        new RegExp(`^[^\\s:]+:\\d+:\\d+: ${severity} ${code}( \\[[^\\]]+\\])?: \\S`),
      );
      expect(section, code).toMatch(/^Fix: \S/m);
    }
  });

  it('holds every code the compiler reports, and the compiler reports every code it holds', () => {
    const used = codesInSources();
    expect([...used.keys()].filter((code) => !(code in DIAGNOSTICS))).toEqual([]);
    expect(CODES.filter((code) => !used.has(code))).toEqual([]);
  });
});
