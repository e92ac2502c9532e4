import { ADDCONN, PLUTO, WHACK } from './tools';

/** The Libreswan a campaign runs: its programs, and the release the generated files are pinned to for ipsec-lint. */
export interface LibreswanBuild {
  readonly label: string;
  /** The release of the `# ipsec-dialect:` line in the generated files. */
  readonly dialect: string;
  readonly pluto: string;
  readonly whack: string;
  readonly addconn: string;
}

/** Debian's package, installed by .ci/run. */
export const DEBIAN_LIBRESWAN: LibreswanBuild = { label: 'Libreswan 4.10 (Debian)', dialect: 'libreswan-4.10', pluto: PLUTO, whack: WHACK, addconn: ADDCONN };
