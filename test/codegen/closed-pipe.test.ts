/**
 * A reader that closes the CLI's standard output early (`| head`) ends the command
 * quietly with status 0 instead of an unhandled EPIPE; other stream errors still throw.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { handleClosedPipes } from '../../codegen/cli/closed-pipe.ts';

const pipeError = (code: string): Error => Object.assign(new Error(`write ${code}`), { code });

describe(handleClosedPipes.name, () => {
  it('exits with status 0 when standard output is closed', () => {
    const stdout = new EventEmitter();
    const exits: number[] = [];
    handleClosedPipes(stdout, new EventEmitter(), (code) => exits.push(code));
    stdout.emit('error', pipeError('EPIPE'));
    expect(exits).toEqual([0]);
  });

  it('carries on when standard error is closed', () => {
    const stderr = new EventEmitter();
    const exits: number[] = [];
    handleClosedPipes(new EventEmitter(), stderr, (code) => exits.push(code));
    expect(() => stderr.emit('error', pipeError('EPIPE'))).not.toThrow();
    expect(exits).toEqual([]);
  });

  it('rethrows any other stream error', () => {
    const stdout = new EventEmitter();
    handleClosedPipes(stdout, new EventEmitter(), () => undefined);
    expect(() => stdout.emit('error', pipeError('EIO'))).toThrow('write EIO');
  });
});
