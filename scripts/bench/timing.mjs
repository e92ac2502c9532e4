// Clocks and statistics shared by the bench's measurements.
import { spawnSync } from 'node:child_process';

export const now = () => process.hrtime.bigint();
export const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const median = (values) => percentile(values, 50);

/**
 * Node reads NODE_EXTRA_CA_CERTS at start-up (some CI machines set it to the system bundle): 40-odd
 * ms for bare `node -e 0`, less for the CLI. It would be subtracted as Node's start-up though the
 * CLI does not pay it all, so both are timed without it.
 */
export const TIMED_ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

export function timeOnce(command, args) {
  const start = now();
  spawnSync(command, args, { stdio: 'ignore', env: TIMED_ENV });
  return ms(start);
}

export function timeCommand(command, args, runs = 5) {
  return median(Array.from({ length: runs }, () => timeOnce(command, args)));
}

export const fmt1 = (value) => (value === undefined ? '—' : value.toFixed(1));
