/** What this module needs of `vscode.workspace`, so that it loads, and is tested, without VS Code. */
export interface WorkspaceTrustEvents {
  onDidGrantWorkspaceTrust(listener: () => unknown): { dispose(): unknown };
}

/**
 * In an untrusted workspace VS Code leaves out the workspace's own values of the restricted
 * settings (package.json `capabilities.untrustedWorkspaces.restrictedConfigurations`:
 * `ipsec.rootDirectory` and the index settings). The server takes those when it starts, so once
 * the user trusts the workspace it is restarted to read the files with them.
 */
export function restartWhenTrusted(events: WorkspaceTrustEvents, restart: () => Promise<void>, report: (message: string) => void): { dispose(): unknown } {
  return events.onDidGrantWorkspaceTrust(() => {
    restart().catch((error: unknown) => report(`The IPsec language server did not restart after the workspace was trusted: ${error instanceof Error ? error.message : String(error)}`));
  });
}
