import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from '../version';
import { tuneHeap } from './heapFlags';
import { startServer } from './server';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: ipsec-language-server --stdio | --node-ipc | --socket=PORT\n');
} else {
  tuneHeap();
  // createConnection reads --stdio, --node-ipc or --socket from the command line.
  startServer(createConnection(ProposedFeatures.all));
}
