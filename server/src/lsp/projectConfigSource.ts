import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, isRegularFile, loadConfigFile, type ProjectConfig } from '../config/projectConfig';

/**
 * The repository's `.ipsec-lint.json` as the server sees it: the one at the root of the first
 * workspace folder that has one (the CLI finds the same file when run from that folder).
 */
export class ProjectConfigSource {
  private config: ProjectConfig = EMPTY_CONFIG;

  get current(): ProjectConfig {
    return this.config;
  }

  /** Reads the file again; returns what to tell the user about it (nothing when all is well). */
  load(folders: readonly string[]): string[] {
    const filePath = folders.map((folder) => path.join(folder, CONFIG_FILE_NAME)).find(isRegularFile);
    if (!filePath) {
      this.config = EMPTY_CONFIG;
      return [];
    }
    const { config, problems } = loadConfigFile(filePath);
    this.config = config;
    const failed = problems.some((p) => p.severity === 'error');
    return problems.map((p) => `IPsec: ${filePath}: ${p.message}${failed ? '; the file is not used until this is fixed' : ''}`);
  }

  /** Whether a changed file is a settings file of the workspace. */
  concerns(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    try {
      return path.basename(fileURLToPath(uri)) === CONFIG_FILE_NAME;
    } catch {
      return false;
    }
  }
}
