import { SEVERITIES, type SeveritySetting } from '../checks/finding';
import { DIALECT_SETTING_HELP, parseDialectSetting } from '../config/dialectSetting';
import type { DialectSetting } from '../model/dialect';
import { FILE_KINDS, isFileKind, type FileKind } from '../model/fileKind';

export const FORMATS = ['stylish', 'json', 'sarif', 'unix', 'github', 'gitlab', 'checkstyle', 'junit', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  readonly paths: string[];
  readonly format: Format;
  readonly maxWarnings: number;
  readonly quiet: boolean;
  readonly fix: boolean;
  readonly kind?: FileKind;
  readonly root?: string;
  readonly rules: Record<string, SeveritySetting>;
  readonly dialect?: DialectSetting;
  readonly exclude: string[];
  /** A configuration file to use instead of the nearest .ipsec-lint.json; null: none at all. */
  readonly config?: string | null;
  /** Print the peer matrix instead of the findings. */
  readonly peers: boolean;
  /** Print this conn as each gateway that defines it loads it, instead of the findings. */
  readonly showConn?: string;
  /** Check the text on standard input, as the file named by stdinFilename. */
  readonly stdin: boolean;
  readonly stdinFilename?: string;
  /** Print every rule with the severity it has here instead of checking files. */
  readonly listRules: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: ipsec-lint [options] PATH...

Checks IPsec configuration: ipsec.conf and ipsec.d/*.conf, ipsec.secrets,
racoon.conf, psk.txt and setkey files. Folders are searched recursively.
A file named on its own is judged in the gateway around it; a named
ipsec.conf or racoon.conf also checks the files it loads.

Options:
  -f, --format NAME      stylish (default), json (ESLint's shape), sarif, unix,
                         github (annotations in a GitHub Actions job), gitlab
                         (a Code Quality report), checkstyle (XML), junit
                         (a test report: each file a suite, each error or
                         warning a failed test) or markdown (a table, for a
                         job summary or a comment)
  --max-warnings N       exit 1 when there are more than N warnings
  --quiet                report errors only
  --fix                  apply the fixes that are safe without looking (as the
                         editor's "Fix all"), write the files, then report what
                         is left
  --kind KIND            treat every file as KIND: ${FILE_KINDS.slice(0, 3).join(', ')},
                         ${FILE_KINDS.slice(3).join(' or ')}; in folders, every file is then
                         checked, not only those named like IPsec configuration
  --root DIR             the folder standing for / of every gateway (absolute
                         paths such as /etc/ipsec.d/*.conf resolve under it);
                         default: inferred from where each ipsec.conf sits
  --rule CODE=SEVERITY   override a rule: error, warning, info, hint or off
  --dialect NAME         judge every gateway as openswan, libreswan-3,
                         libreswan-4, libreswan-5, strongswan, strongswan-5,
                         strongswan-6, or a release such as libreswan-5.2
                         or strongswan-5.9.8 (default: detected per gateway)
  --exclude GLOB         skip files and folders with this name when searching
                         folders (repeatable)
  --config FILE          settings from FILE instead of the nearest
                         .ipsec-lint.json in the current folder or above it
  --no-config            use no .ipsec-lint.json
  --stdin                check the text on standard input (an editor's unsaved
                         buffer) instead of a file; PATHs, if given, are the
                         rest of the workspace it is checked against
  --stdin-filename FILE  the file the standard input stands for (its kind,
                         its gateway and peers)
  --peers                print every conn with its partner on the peer gateway
                         and whether the two ends agree (with the reasons),
                         instead of the findings; exit 1 when a pair does not
                         agree, or with --max-warnings N when more than N
                         conns agree only with warnings (--format json or
                         markdown: the matrix as JSON or a table; not with
                         --fix or --quiet)
  --show-conn NAME       print conn NAME as each gateway that defines it loads
                         it (after %default and also=), each setting with the
                         file and line it comes from, instead of the findings
                         (--format json: as JSON); exit 1 when none defines it
  --list-rules           print every rule with the severity it has here (after
                         .ipsec-lint.json and --rule), its file kinds and what
                         it finds (--format json: as JSON), instead of checking
  -h, --help             show this help
  -v, --version          print the version

Exit status: 0 when there are no errors, 1 on errors (or too many warnings),
2 on a usage or internal error.
`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const paths: string[] = [];
  let format: Format = 'stylish';
  let maxWarnings = -1;
  let quiet = false;
  let fix = false;
  let kind: FileKind | undefined;
  let root: string | undefined;
  const rules: Record<string, SeveritySetting> = {};
  let dialect: DialectSetting | undefined;
  const exclude: string[] = [];
  let config: string | null | undefined;
  let peers = false;
  let showConn: string | undefined;
  let stdin = false;
  let stdinFilename: string | undefined;
  let listRules = false;
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitInline(argv[i]);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '-f':
      case '--format': {
        const name = value();
        if (!(FORMATS as readonly string[]).includes(name)) throw new UsageError(`unknown format "${name}"; use ${FORMATS.join(', ')}`);
        format = name as Format;
        break;
      }
      case '--max-warnings': {
        const text = value();
        if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number, not "${text}"`);
        maxWarnings = Number(text);
        break;
      }
      case '--quiet':
        quiet = true;
        break;
      case '--fix':
        fix = true;
        break;
      case '--kind': {
        const name = value();
        if (!isFileKind(name)) throw new UsageError(`unknown kind "${name}"; use ${FILE_KINDS.join(', ')}`);
        kind = name;
        break;
      }
      case '--root':
        root = value();
        break;
      case '--rule': {
        const match = /^([\w-]+)=(\w+)$/.exec(value());
        const severity = match?.[2];
        if (!match || !severity || !(severity === 'off' || (SEVERITIES as readonly string[]).includes(severity))) {
          throw new UsageError('--rule takes CODE=SEVERITY with error, warning, info, hint or off');
        }
        rules[match[1]] = severity as SeveritySetting;
        break;
      }
      case '--dialect': {
        const name = value();
        const parsed = parseDialectSetting(name);
        if (parsed === undefined) throw new UsageError(`unknown dialect "${name}"; use ${DIALECT_SETTING_HELP}`);
        dialect = parsed;
        break;
      }
      case '--exclude':
        exclude.push(value());
        break;
      case '--config':
        config = value();
        break;
      case '--no-config':
        config = null;
        break;
      case '--stdin':
        stdin = true;
        break;
      case '--stdin-filename':
        stdinFilename = value();
        break;
      case '--peers':
        peers = true;
        break;
      case '--show-conn':
        showConn = value();
        break;
      case '--list-rules':
        listRules = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '-v':
      case '--version':
        version = true;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        paths.push(argv[i]);
    }
  }
  if (!help && !version && !listRules && !stdin && paths.length === 0) throw new UsageError('no files or folders given');
  if (listRules && format !== 'stylish' && format !== 'json') throw new UsageError(`--list-rules prints text or --format json, not ${format}`);
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (stdin && (fix || peers)) throw new UsageError(`--stdin checks a text that has no file to write or pair: it cannot be combined with ${fix ? '--fix' : '--peers'}`);
  if (showConn !== undefined) {
    const others = [fix && '--fix', quiet && '--quiet', peers && '--peers', stdin && '--stdin', listRules && '--list-rules'].filter((flag): flag is string => typeof flag === 'string');
    if (others.length > 0) throw new UsageError(`--show-conn prints one conn, not findings: it cannot be combined with ${others.join(', ')}`);
    if (showConn.length === 0) throw new UsageError('--show-conn needs a conn name');
  }
  // The matrix is not a list of findings: these would be ignored without a word.
  const findingsOnly = [fix && '--fix', quiet && '--quiet'].filter((flag): flag is string => typeof flag === 'string');
  if (peers && findingsOnly.length > 0) throw new UsageError(`--peers prints the peer matrix, not findings: it cannot be combined with ${findingsOnly.join(', ')}`);
  return { paths, format, maxWarnings, quiet, fix, kind, root, rules, dialect, exclude, config, peers, showConn, stdin, stdinFilename, listRules, help, version };
}

function splitInline(arg: string): [string, string | undefined] {
  if (!arg.startsWith('--')) return [arg, undefined];
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
