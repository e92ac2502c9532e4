import type { Finding } from '../../checks/finding';
import { xmlAttribute } from './checkstyle';
import { reportPath, type Formatter } from './types';

/**
 * JUnit XML, the test report GitLab (`artifacts:reports:junit`), Jenkins, Azure Pipelines and
 * most CI dashboards read. Each file checked is a test suite: a clean file passes one test case,
 * each error or warning fails one, and a file that could not be read is an error. Information and
 * hints are no failures and stay out. Paths are relative to the current folder.
 */
export const formatJunit: Formatter = (reports, cwd) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const report of reports) {
    const file = xmlAttribute(reportPath(report.filePath, cwd));
    const failing = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    const cases = failing.map((f) => failureCase(file, f));
    if (report.fatal) cases.unshift(`    <testcase classname="${file}" name="read"><error message="${xmlAttribute(report.fatal)}"/></testcase>`);
    if (cases.length === 0) cases.push(`    <testcase classname="${file}" name="ipsec-lint"/>`);
    const fileErrors = report.fatal ? 1 : 0;
    suites.push(`  <testsuite name="${file}" tests="${cases.length}" failures="${failing.length}" errors="${fileErrors}">`, ...cases, '  </testsuite>');
    tests += cases.length;
    failures += failing.length;
    errors += fileErrors;
  }
  return ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="ipsec-lint" tests="${tests}" failures="${failures}" errors="${errors}">`, ...suites, '</testsuites>', ''].join('\n');
};

function failureCase(file: string, finding: Finding): string {
  const line = finding.range.start.line + 1;
  const column = finding.range.start.character + 1;
  const message = xmlAttribute(finding.message);
  const detail = `${file}:${line}:${column}: ${finding.severity}: ${message} [${finding.code}]`;
  return `    <testcase classname="${file}" name="${finding.code} (line ${line}, column ${column})"><failure type="${finding.severity}" message="${message}">${detail}</failure></testcase>`;
}
