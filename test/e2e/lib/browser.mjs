// Debian's chromium driven by playwright-core (no browser download needed).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { childPids, own, stop } from './processes.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export class Browser {
  /** @param {{ profileDir: string, home: string, headless?: boolean, executablePath?: string }} o */
  constructor({ profileDir, home, headless = true, executablePath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium' }) {
    this.profileDir = profileDir;
    this.home = home;
    this.headless = headless;
    this.executablePath = executablePath;
    this.pids = [];
    this.consoleLines = [];
  }

  async launch() {
    rmSync(this.profileDir, { recursive: true, force: true });
    mkdirSync(this.profileDir, { recursive: true });
    const before = new Set(childPids(/chrom/i));
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: this.executablePath,
      headless: this.headless,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      // Crash reports, dconf and the like go to the scratch HOME, not the real one.
      env: { ...process.env, HOME: this.home, XDG_CONFIG_HOME: path.join(this.home, '.config'), XDG_CACHE_HOME: path.join(this.home, '.cache'), XDG_DATA_HOME: path.join(this.home, '.local', 'share') },
      // The harness stops the browser itself (by PID, in its finally and signal handlers).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    this.pids = childPids(/chrom/i).filter((pid) => !before.has(pid));
    for (const pid of this.pids) own('chromium', pid);
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.on('console', (message) => this.consoleLines.push(`[${message.type()}] ${message.text()}`));
    this.page.on('pageerror', (error) => this.consoleLines.push(`[pageerror] ${error.message}`));
    return this.page;
  }

  async close() {
    try {
      await Promise.race([this.context?.close(), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      // the PIDs below are stopped either way
    }
    for (const pid of this.pids) await stop(pid, { graceMs: 2000 });
    this.pids = [];
    this.context = undefined;
  }
}
