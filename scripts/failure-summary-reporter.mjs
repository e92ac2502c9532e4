// A test reporter that writes only the failures, each with its file and the start of its error, so
// that the end of a long run says what failed (CI shows the tail of the output).
const MAX_ERROR_CHARS = 4000;

export default async function* failureSummary(source) {
  const failures = [];
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    const error = details?.error;
    // A suite fails when a test in it does; the test itself is the one worth naming.
    if (error?.failureType === 'subtestsFailed') continue;
    const cause = error?.cause ?? error;
    const text = String(cause?.stack ?? cause?.message ?? cause ?? 'no error given');
    failures.push(`✖ ${name}\n  ${file ?? ''}\n${text.slice(0, MAX_ERROR_CHARS)}${text.length > MAX_ERROR_CHARS ? '\n  …' : ''}\n`);
  }
  if (failures.length > 0) yield `${failures.length} failing test(s):\n\n${failures.join('\n')}`;
}
