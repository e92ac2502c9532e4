import { runCli } from './run';

function main(): void {
  let status: number;
  try {
    status = runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    process.stderr.write(`ipsec-lint: internal ${name}; please report it with the command you ran\n`);
    status = 2;
  }
  process.exitCode = status;
}

main();
