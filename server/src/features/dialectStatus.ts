import { fileURLToPath } from 'node:url';
import type { WorkspaceModel } from '../checks/workspaceRule';
import { detectWithValues } from '../checks/ipsecConf/dialectByValues';
import { detectDialect, type DialectGuess } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { IpsecNode } from '../workspace/model';
import { isInside } from '../workspace/nodeLayout';
import { nodesHolding } from './connLookup';
import { looseFileDialect } from '../workspace/fileDialect';

const NAMES = { openswan: 'Openswan', libreswan: 'Libreswan', strongswan: 'strongSwan' } as const;

export interface DialectStatus {
  readonly label: string;
  readonly tooltip: string;
}

/** A status bar label and tooltip for a node's dialect. */
export function describeDialect(guess: DialectGuess): DialectStatus {
  if (!guess.choice) {
    const names = guess.plausible.map((d) => NAMES[d]).join(', ');
    return { label: 'IPsec: dialect?', tooltip: `Nothing in these files decides between ${names}; only mistakes all of them reject are reported. Add "# ipsec-dialect: libreswan-5" (or set ipsec.dialect) to get dialect-specific checks.` };
  }
  const { dialect, version, reason } = guess.choice;
  const name = `${NAMES[dialect]}${version ? ` ${version}` : ''}`;
  return { label: `IPsec: ${name}`, tooltip: `Checked as ${name} because of ${reason}.` };
}

/**
 * The dialect of the gateway a file belongs to: the node that includes it (or reads it as its
 * ipsec.secrets), else the node whose
 * folder holds it (a file no include reads yet is still that gateway's), else the file alone.
 */
export function dialectStatusFor(model: WorkspaceModel, uri: string, document?: ParsedDocument): DialectStatus | undefined {
  const guess = dialectGuessFor(model, uri, document);
  return guess ? describeDialect(guess) : undefined;
}

/** What the status bar shows for a file: its gateway's dialect, else the setting's, else what the file alone says. */
export function dialectGuessFor(model: WorkspaceModel, uri: string, document?: ParsedDocument): DialectGuess | undefined {
  const node = gatewayOf(model, uri);
  return node?.dialect ?? looseFileDialect(document, model.dialectSetting) ?? (document?.kind === 'ipsec' ? detectDialect([document], 'auto', detectWithValues) : undefined);
}

/** The gateway a file belongs to, as the status bar shows it. */
export function gatewayOf(model: WorkspaceModel, uri: string): IpsecNode | undefined {
  return nodesHolding(model, uri)[0] ?? nodeWhoseFolderHolds(model, uri) ?? (model.nodes.length === 1 ? model.nodes[0] : undefined);
}

/** The node whose root folder holds the file, the innermost when roots nest. */
function nodeWhoseFolderHolds(model: WorkspaceModel, uri: string): IpsecNode | undefined {
  let filePath: string;
  try {
    filePath = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  const holders = model.nodes.filter((node) => isInside(filePath, node.layout.root));
  return holders.sort((a, b) => b.layout.root.length - a.layout.root.length)[0];
}
