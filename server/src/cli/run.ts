import path from 'node:path';
import { findRule } from '../checks/registry';
import { VERSION } from '../version';
import { buildPeerMatrix, type PeerMatrix } from '../features/peerMatrix';
import { detectFileKind } from '../model/fileKind';
import { collectFiles, describeLinksOut, type CollectedFile } from '../workspace/collectFiles';
import type { DirectoryListing } from '../workspace/fileSource';
import type { FileReport } from '../workspace/lintFile';
import { lintWorkspace, type LintWorkspaceOptions } from '../workspace/lintWorkspace';
import { parseArgs, USAGE, UsageError, type CliOptions, type Format } from './args';
import { formatCheckstyle } from './formatters/checkstyle';
import { formatGithub } from './formatters/github';
import { formatGitlab } from './formatters/gitlab';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatMarkdown, formatPeerMatrixMarkdown } from './formatters/markdown';
import { formatPeerMatrixJson, formatPeerMatrixText } from './formatters/peerMatrix';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { Formatter } from './formatters/types';
import { formatUnix } from './formatters/unix';
import { fixFiles } from './fixFiles';
import { loadCliConfig } from './loadConfig';
import { formatRuleList, listRules } from './ruleList';
import { printConn } from './showConn';

const FORMATTERS: Record<Format, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  unix: formatUnix,
  github: formatGithub,
  gitlab: formatGitlab,
  checkstyle: formatCheckstyle,
  junit: formatJunit,
  markdown: formatMarkdown,
};

const PEER_MATRIX_FORMATTERS: Partial<Record<Format, (matrix: PeerMatrix, cwd: string) => string>> = {
  stylish: formatPeerMatrixText,
  json: formatPeerMatrixJson,
  markdown: formatPeerMatrixMarkdown,
};

export interface CliIo {
  readonly cwd: string;
  /** Standard input as text (read only for --stdin). */
  readonly readStdin?: () => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Told how many files were found before they are read: the process entry tunes V8 for a run of that size. */
  readonly beforeLint?: (fileCount: number) => void;
}

/** The whole CLI as a function of its arguments: returns the exit status. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ipsec-lint: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const unknownRules = Object.keys(options.rules).filter((code) => !findRule(code));
  if (unknownRules.length > 0) {
    io.stderr(`ipsec-lint: unknown rule code(s): ${unknownRules.join(', ')}\n`);
    return 2;
  }
  const loaded = loadCliConfig(options.config, io.cwd);
  if (!loaded.ok) {
    io.stderr(`ipsec-lint: ${loaded.error}\n`);
    return 2;
  }
  for (const note of loaded.notes) io.stderr(`ipsec-lint: ${note}\n`);
  const rules = { ...loaded.config.rules, ...options.rules };
  if (options.listRules) {
    const listed = listRules(rules);
    io.stdout(options.format === 'json' ? `${JSON.stringify(listed, null, 2)}\n` : formatRuleList(listed));
    return 0;
  }
  const dialect = options.dialect ?? loaded.config.dialect;
  const listings = new Map<string, DirectoryListing>();
  const linksOut: string[] = [];
  const { files, missing, folders } = collectFiles(options.paths, io.cwd, { listings, exclude: [...loaded.config.exclude, ...options.exclude], everyFile: options.kind !== undefined, linksOut });
  if (missing.length > 0) {
    io.stderr(`ipsec-lint: no such file or folder: ${missing.join(', ')}\n`);
    return 2;
  }
  if (linksOut.length > 0) io.stderr(`ipsec-lint: ${describeLinksOut(linksOut, io.cwd, 'name the folder or file they lead to as well to check it')}\n`);
  io.beforeLint?.(files.length);
  const rootOverride = options.root ? path.resolve(io.cwd, options.root) : undefined;
  if (options.stdin) {
    const stdinPath = path.resolve(io.cwd, options.stdinFilename ?? 'stdin');
    const text = io.readStdin?.() ?? '';
    const target: CollectedFile = { filePath: stdinPath, kind: files.find((f) => f.filePath === stdinPath)?.kind ?? detectFileKind(stdinPath), explicit: true };
    const context = [...files.filter((f) => f.filePath !== stdinPath), target];
    const reports = lintWorkspace(context, { forcedKind: options.kind, rules, dialect, rootOverride, listings, contextOfNamedFiles: true, namedFolders: folders, overlay: new Map([[stdinPath, text]]) }).filter((r) => r.filePath === stdinPath);
    // No file to write: nothing is "fixable with --fix" here.
    return report(reports.map((r) => ({ ...r, text: undefined })), options, io);
  }
  const lintOptions: LintWorkspaceOptions = { forcedKind: options.kind, rules, dialect, rootOverride, listings, contextOfNamedFiles: true, namedFolders: folders, exclude: [...loaded.config.exclude, ...options.exclude], onNotRead: (notRead) => io.stderr(`ipsec-lint: ${describeNotRead(notRead, io.cwd)}\n`) };
  if (options.showConn !== undefined) return printConn(options.showConn, files, lintOptions, options.format, io);
  if (options.peers) return printPeers(files, lintOptions, options, io);
  const lint = (): FileReport[] => lintWorkspace(files, lintOptions);
  return report(options.fix ? fixThenLint(lint, io) : lint(), options, io);
}

/** A few of the files the checks needed but could not read, and what that means. */
export function describeNotRead(files: readonly { filePath: string; reason: string }[], cwd: string): string {
  const shown = files.slice(0, 3).map((file) => `${path.relative(cwd, file.filePath) || file.filePath} (${file.reason})`);
  const more = files.length > shown.length ? ` and ${files.length - shown.length} more` : '';
  return `could not read, so left out of the checks: ${shown.join(', ')}${more}`;
}

/** Prints the reports in the chosen format and says what the exit status is. */
function report(found: readonly FileReport[], options: CliOptions, io: CliIo): number {
  const reports = found.map((r) => (options.quiet ? { ...r, findings: r.findings.filter((f) => f.severity === 'error') } : r));
  io.stdout(FORMATTERS[options.format](reports, io.cwd));
  const errors = reports.reduce((n, r) => n + (r.fatal ? 1 : 0) + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`ipsec-lint: ${warnings} warning(s), more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** A fix can uncover another (a header indented and its keys in column 0): a few rounds, then what is left. */
const MAX_FIX_ROUNDS = 3;

function fixThenLint(lint: () => FileReport[], io: CliIo): FileReport[] {
  let reports = lint();
  let fixed = 0;
  const files = new Set<string>();
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const outcomes = fixFiles(reports);
    for (const outcome of outcomes) {
      if (outcome.notWritten) io.stderr(`ipsec-lint: ${outcome.filePath} not fixed: ${outcome.notWritten}\n`);
      if (outcome.fixed > 0) files.add(outcome.filePath);
      fixed += outcome.fixed;
    }
    if (!outcomes.some((outcome) => outcome.fixed > 0)) break;
    reports = lint();
  }
  if (fixed > 0) io.stderr(`ipsec-lint: fixed ${fixed} problem(s) in ${files.size} file(s)\n`);
  return reports;
}

/** `--peers`: the peer matrix of the gateways found, as text, JSON or Markdown; 1 when a pair does not agree, or more are at risk than `--max-warnings` allows. */
function printPeers(files: readonly CollectedFile[], lintOptions: LintWorkspaceOptions, { format, maxWarnings }: CliOptions, io: CliIo): number {
  const formatter = PEER_MATRIX_FORMATTERS[format];
  if (!formatter) {
    io.stderr(`ipsec-lint: --peers prints text, --format json or --format markdown, not ${format}\n`);
    return 2;
  }
  let matrix: PeerMatrix = { nodes: [], cells: [] };
  lintWorkspace(files, { ...lintOptions, inspect: (model, findings) => (matrix = buildPeerMatrix(model, findings)) });
  io.stdout(formatter(matrix, io.cwd));
  if (matrix.cells.some((cell) => cell.status === 'broken')) return 1;
  const atRisk = matrix.cells.filter((cell) => cell.status === 'warning').length;
  if (maxWarnings >= 0 && atRisk > maxWarnings) {
    io.stderr(`ipsec-lint: ${atRisk} conn(s) agree with their peer only with warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
