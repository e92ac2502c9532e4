import { readFileSync } from 'node:fs';
import { runCli } from './run';
import { tuneV8For } from './v8ForRun';

function main(): void {
  let status = 2;
  // A reader that stops early (`ipsec-lint . | head`) closes the pipe: end quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? status : 2));
  }
  try {
    status = runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      readStdin: () => readFileSync(0, 'utf8'),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      beforeLint: (fileCount) => tuneV8For(fileCount),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    process.stderr.write(`ipsec-lint: internal ${name}; please report it with the command you ran\n`);
    status = 2;
  }
  process.exitCode = status;
  // Once the output is out, exit: a natural exit would first wait for V8's background compiler jobs.
  void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(status));
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}

main();
