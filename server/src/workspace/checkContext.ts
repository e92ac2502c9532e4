import type { CheckContext } from '../checks/rule';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import { dialectOf } from './fileDialect';
import { racoonFileOf } from './racoonHost';

/** What a file's own rules are told about where it stands: its gateway's dialect, and whether racoon reads it through an include. */
export function checkContextOf(model: WorkspaceModel, uri: string, document?: ParsedDocument): CheckContext {
  const dialect = dialectOf(model, uri, document);
  const racoonFile = document?.kind === 'racoon' ? racoonFileOf(model.racoonHosts, uri) : undefined;
  return racoonFile && racoonFile.document !== racoonFile.host.document ? { dialect, readThroughInclude: true } : { dialect };
}
