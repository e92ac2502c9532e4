import type { Host } from './pki';

export interface LogLine {
  readonly host: Host;
  /** Seconds since midnight, from pluto's `logtime` stamp; lines of both daemons merge by it. */
  readonly t: number;
  readonly text: string;
}

const STAMP = /^\w{3} [ \d]\d (\d\d):(\d\d):(\d\d(?:\.\d+)?): (.*)$/;

export function parseLog(host: Host, text: string): LogLine[] {
  const lines: LogLine[] = [];
  let last = 0;
  for (const raw of text.split('\n')) {
    const m = STAMP.exec(raw);
    if (m) {
      last = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
      lines.push({ host, t: last, text: m[4] });
    } else if (raw.trim().length > 0) {
      lines.push({ host, t: last, text: raw });
    }
  }
  return lines;
}

export function mergeLogs(west: readonly LogLine[], east: readonly LogLine[]): LogLine[] {
  return [...west, ...east].sort((a, b) => a.t - b.t);
}

const NOISE = /proposals \(connection add\)|:\s+\d+:(IKE|ESP|AH)=|terminating SAs using this connection|netlink_expire got message/;

/** The lines about the negotiation, without pluto's start-up self tests and algorithm tables. */
export function isEventLine(line: LogLine): boolean {
  return /^"[^"]+"|^ERROR|^EXPECTATION FAILED|^packet from|^NSS/.test(line.text) && !NOISE.test(line.text);
}

export function show(line: Pick<LogLine, 'host' | 'text'>): string {
  return `${line.host}: ${line.text}`;
}
