import { SCANNER_KEYWORDS } from '../../knowledge/setkey';
import type { AddressSpec } from '../../parsing/setkey/ast';
import { classifyHost } from '../../parsing/setkey/values';
import type { Reporter } from '../rule';
import { defineRule } from '../rule';
import { addressOptions, policyRequests, statementAddresses } from './select';

const MAX_PORT = 65535;
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

export const setkeyBadAddress = defineRule({
  code: 'setkey-bad-address',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'An address, prefix or port cannot be used',
  description:
    'setkey refuses the statement when an address cannot be read: `192.0.2.300`, a placeholder copied from documentation such as `<vpn-server>` or `$IP`, a host name where `-n` asks for numeric addresses, or an IPv6 address where `-4` asks for IPv4. A prefix longer than the address (`/33` for IPv4, `/129` for IPv6) passes setkey but the kernel refuses the policy. A port over 65535 is a warning: setkey takes it modulo 65536 (65536 becomes 0, any port). Tunnel endpoints in `esp/tunnel/src-dst/level` must be numeric addresses. Write the real address.',
  check(document, report) {
    for (const statement of document.ast.statements) {
      const options = addressOptions(statement);
      for (const address of statementAddresses(statement)) checkAddress(address, report, options);
    }
    for (const { request } of policyRequests(document.ast)) {
      for (const endpoint of [request.tunnelSource, request.tunnelDestination]) {
        if (endpoint && endpoint.host.text !== 'me' && endpoint.host.text !== 'any') checkEndpoint(endpoint, report);
      }
    }
  },
});

function checkAddress(address: AddressSpec, report: Reporter, options: ReturnType<typeof addressOptions>): void {
  const host = address.host;
  const kind = classifyHost(host.text);
  const say = (span: AddressSpec['span'], message: string): void => report({ span, message: `"${address.text}": ${message}` });
  if (host.text === 'any') say(host.span, 'setkey reads "any" as a keyword, not an address: write 0.0.0.0/0 or ::/0');
  else if (SCANNER_KEYWORDS.has(host.text)) say(host.span, `setkey reads "${host.text}" as a keyword, not an address`);
  else if (kind.kind === 'invalid') say(host.span, `the host ${kind.reason}: write a real address, e.g. 192.0.2.1`);
  else if (kind.kind === 'name' && options.numericOnly) say(host.span, 'with -n, addresses must be numeric: write the address or drop -n');
  else if (options.family && kind.kind !== 'name' && kind.kind !== options.family) say(host.span, `-${options.family === 'ipv4' ? '4' : '6'} asks for ${options.family === 'ipv4' ? 'IPv4' : 'IPv6'} addresses only`);
  if (address.prefix) {
    const max = kind.kind === 'ipv4' ? 32 : 128;
    const prefix = address.prefix.text;
    if (!/^[0-9]+$/.test(prefix)) say(address.prefix.span, prefix === '' ? 'the "/" needs a prefix length after it' : `the prefix length must be a number, not "${prefix}"`);
    else if (prefix.length > 3 || Number(prefix) > max) say(address.prefix.span, `/${prefix} is longer than the address (at most /${max}): the kernel refuses the policy`);
  }
  if (address.port) checkPort(address, report, false);
  if (address.trailing) say(address.trailing.span, `unexpected "${address.trailing.text}" after the port`);
}

function checkEndpoint(endpoint: AddressSpec, report: Reporter): void {
  const kind = classifyHost(endpoint.host.text);
  const say = (span: AddressSpec['span'], message: string): void => report({ span, message: `tunnel endpoint "${endpoint.text}": ${message}` });
  if (kind.kind === 'invalid') say(endpoint.host.span, `the host ${kind.reason}: write the gateway's address`);
  else if (kind.kind === 'name') say(endpoint.host.span, 'tunnel endpoints must be numeric addresses, not host names');
  if (endpoint.prefix) say(endpoint.span, 'tunnel endpoints take no /prefix');
  if (endpoint.port) checkPort(endpoint, report, true);
  if (endpoint.trailing) say(endpoint.trailing.span, `unexpected "${endpoint.trailing.text}" after the port`);
}

function checkPort(address: AddressSpec, report: Reporter, numericOnly: boolean): void {
  const port = address.port;
  if (!port) return;
  const say = (message: string, severity?: 'warning'): void => report({ span: port.span.start === port.span.end ? address.span : port.span, message: `"${address.text}": ${message}`, severity });
  if (!address.portClosed) say('the "[" of the port has no "]"');
  else if (/^[0-9]+$/.test(port.text)) {
    // getaddrinfo reads the service number modulo 65536: setkey loads the policy for another port.
    if (Number(port.text) > MAX_PORT) say(`port ${port.text} is over ${MAX_PORT}; setkey reads it as port ${Number(BigInt(port.text) % 65536n)}`, 'warning');
  } else if (numericOnly) say('the port of a tunnel endpoint must be a number');
  else if (port.text !== 'any' && !SERVICE_NAME.test(port.text)) say(port.text === '' ? 'the port is empty: write a number or any' : `"${port.text}" is not a port: write a number or any`);
}
