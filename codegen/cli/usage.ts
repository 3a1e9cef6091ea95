/** The CLI's help text. */
export const USAGE = `Usage: policy-matrix <command> [--config <file>]

Commands:
  generate [--strict] [--diff-markdown <file>]
                              compile every policy into the output folder (and the report, with
                              report: true in the config); one line per policy, the cells that
                              changed under it, then lint findings
  check [--strict] [--diff-markdown <file>]
                              exit 0 when the output folder is fresh, 1 naming stale files and
                              cells; lint findings too
  watch                       on every change, re-evaluate every policy and rewrite the modules
                              that changed; keeps going on errors
  explain <Policy> <from> <to>  the rules that fire for a transition, with their source locations
                              (null names "no state"; a JSON string such as '"null"' names
                              the state it spells)
  dump --json [--dynamic]     the compiled matrices as JSON, read from the generated modules
                              (--dynamic: from the policies' dynamic filter instead)
  report [--out <dir>]        write a markdown page and an SVG heatmap per policy, and an index
                              (default folder: <outDir>/report)
  lint [--strict]             the lint findings: rules that fire in no cell (PM101), rules listed
                              twice (PM102), transforms before rules (PM103), states no rule
                              mentions (PM104, info)
  bench [--policy <Name>]... [--trace <file>] [--quick] [--json <file>] [--markdown <file>]
        [--svg <file>] [--baseline <file> [--fail-on <percent>] [--absolute]]
                              time each policy's generated lookups against a raw array, a nested
                              Map and the dynamic filter (and whole transitions with a bench
                              section in the config); --trace: your own [from, to] pairs
                              (NDJSON or a JSON array); --baseline with --fail-on: exit 1 when a
                              case got slower than an earlier --json run by more than that, on
                              ratios measured in one run (--absolute: on times)

Options:
  --config <file>         the config file (default: policy-matrix.config.ts in the current folder)
  --strict                lint warnings are errors: the command exits 1 (generate writes nothing)
  --diff-markdown <file>  also write the changed cells as markdown, for a pull-request comment
  --out <dir>             where report writes (default: <outDir>/report)
  --timeout <seconds>     how long evaluating the policies may take (default: timeout in the
                          config, else 20); after a few seconds a line names what is still loading
  --help                  this text
`;
