import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { racoonBadValue } from '../../../server/src/checks/racoon/badValue';
import { racoonUnknownStatement } from '../../../server/src/checks/racoon/unknownStatement';
import { lint } from '../../helpers';

// The timer block of macOS's default /etc/racoon/racoon.conf, in short.
const MACOS_TIMER = 'timer\n{\n\tcounter 10;\n\tphase1 30 sec;\n\tauto_exit_delay 3 sec;\n}\n';
const REMOTE = (body: string) => `remote anonymous\n{\n\texchange_mode main;\n${body}\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n}\n`;

describe("Apple's racoon (macOS, iOS)", () => {
  it('a statement only Apple reads is a notice, not an error', () => {
    const found = lint('racoon', MACOS_TIMER, [racoonUnknownStatement]);
    assert.deepEqual(found.map((f) => [f.severity, f.range.start.line]), [['info', 4]]);
    assert.match(found[0].message, /`auto_exit_delay` \(in `timer`\) is read only by Apple's racoon/);
    const remote = lint('racoon', REMOTE('\tdisconnect_on_idle idle_timeout 600 idle_direction idle_outbound;\n\tnat_traversal_keepalive on;\n'), [racoonUnknownStatement]);
    assert.deepEqual(remote.map((f) => f.severity), ['info', 'info']);
  });

  it('support_mip6 is a warning with the rewrite in a file written for Apple, and an error otherwise', () => {
    const apple = lint('racoon', MACOS_TIMER + REMOTE('\tsupport_mip6 on;\n'), [racoonUnknownStatement]);
    const mip6 = apple.find((f) => f.message.includes('support_mip6'));
    assert.equal(mip6?.severity, 'warning');
    assert.equal(mip6?.fixes?.[0].edits[0].newText, 'support_proxy');
    const plain = lint('racoon', REMOTE('\tsupport_mip6 on;\n'), [racoonUnknownStatement]);
    assert.deepEqual(plain.map((f) => f.severity), ['error']);
  });

  it('a misspelt word is still an error in an Apple file', () => {
    const found = lint('racoon', MACOS_TIMER + REMOTE('\tnonce_sise 16;\n'), [racoonUnknownStatement]);
    assert.deepEqual(found.map((f) => f.severity).sort(), ['error', 'info']);
  });

  it('an argument word only Apple has a token for is a notice (keyid_use, in_keychain), as in the per-server files macOS writes', () => {
    // From OS X's /var/run/racoon/<server>.conf, which its racoon loads: "parse successed".
    const found = lint('racoon', REMOTE('\tmy_identifier keyid_use "test";\n\tcertificate_type x509 in_keychain "aWRudAA";\n'), [racoonBadValue]);
    assert.deepEqual(found.map((f) => [f.severity, f.message.split(' is ')[0]]), [['info', '`keyid_use`'], ['info', '`in_keychain`']]);
    assert.match(found[0].message, /the ipsec-tools racoon refuses the file over it/);
    // A word neither racoon has stays an error.
    assert.deepEqual(lint('racoon', REMOTE('\tmy_identifier fqdm "test";\n'), [racoonBadValue]).map((f) => f.severity), ['error']);
  });
});
