import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from '../version';
import { startServer } from './server';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: ipsec-language-server --stdio | --node-ipc | --socket=PORT\n');
} else {
  // A long-lived editor companion: a smaller, more often collected heap matters more than peak speed.
  setFlagsFromString('--optimize-for-size');
  // createConnection reads --stdio, --node-ipc or --socket from the command line.
  startServer(createConnection(ProposedFeatures.all));
}
