/** The Libreswan releases the pluto tables of the tests were first taken on (Debian's 4.10, the others built from their tags): one verdict column each. */
export const TABLE_RELEASES = ['4.10', '5.2', '5.3.2', '5.4'] as const;
export type TableRelease = (typeof TABLE_RELEASES)[number];

/** Releases built from their tags later the same day and put through the same conns: each added and refused them as the column named. */
const SAME_AS: readonly (readonly [string, TableRelease])[] = [
  ['5.0', '5.2'],
  ['5.1', '5.2'],
  ['5.3', '5.3.2'],
  ['5.3.1', '5.3.2'],
];

/** Every release seen, with the index of the column that holds its verdicts. */
export const OBSERVED_RELEASES: readonly (readonly [release: string, column: number])[] = [
  ...TABLE_RELEASES.map((release, column) => [release, column] as const),
  ...SAME_AS.map(([release, like]) => [release, TABLE_RELEASES.indexOf(like)] as const),
];
