/** The CLI's help text. */
export const USAGE = `Usage: policy-matrix <command> [--config <file>]

Commands:
  generate                    compile every policy into the output folder; one line per policy
  check                       exit 0 when the output folder is fresh, 1 naming stale files and cells
  watch                       regenerate the policies whose sources change; keeps going on errors
  explain <Policy> <from> <to>  the rules that fire for a transition, with their source locations
                              (null names "no state")
  dump --json [--dynamic]     the compiled matrices as JSON, read from the generated modules
                              (--dynamic: from the policies' dynamic filter instead)

Options:
  --config <file>   the config file (default: policy-matrix.config.ts in the current folder)
  --help            this text
`;
