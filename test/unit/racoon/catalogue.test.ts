import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { racoonRules } from '../../../server/src/checks/racoon';
import { racoonMissingRequired } from '../../../server/src/checks/racoon/missingRequired';
import {
  RACOON_DIRECTIVES,
  RACOON_SECTIONS,
  directivesIn,
  findDirective,
  keywordOf,
  sectionOpenedBy,
  subKeywordOf,
  type RacoonSection,
} from '../../../server/src/knowledge/racoon';
import { lint } from '../../helpers';

const WRAPPERS: Readonly<Record<RacoonSection, (body: string) => string>> = {
  top: (body) => body,
  privsep: (body) => `privsep {\n${body}\n}`,
  padding: (body) => `padding {\n${body}\n}`,
  listen: (body) => `listen {\n${body}\n}`,
  timer: (body) => `timer {\n${body}\n}`,
  // Named, so that remote_address may stand in it too.
  remote: (body) => `remote "example" {\n${body}\n}`,
  proposal: (body) => `remote anonymous {\nproposal {\n${body}\n}\n}`,
  sainfo: (body) => `sainfo anonymous {\n${body}\n}`,
  mode_cfg: (body) => `mode_cfg {\n${body}\n}`,
  ldapcfg: (body) => `ldapcfg {\n${body}\n}`,
  radiuscfg: (body) => `radiuscfg {\n${body}\n}`,
};

const SYNTAX_RULES = racoonRules.filter((rule) => rule !== racoonMissingRequired);

describe('racoon.conf catalogue', () => {
  it('describes every directive with sections, a usage line and a doc', () => {
    for (const directive of RACOON_DIRECTIVES) {
      assert.ok(directive.sections.length > 0, directive.name);
      assert.ok(directive.syntax.startsWith(keywordOf(directive)), directive.name);
      assert.ok(directive.doc.length > 20 && directive.doc.length < 700, directive.name);
      assert.ok(directive.forms.length > 0, directive.name);
    }
  });

  it('has one meaning per keyword and section', () => {
    for (const section of RACOON_SECTIONS) {
      const names = directivesIn(section).flatMap((d) => [d.name, ...(d.aliases ?? [])]);
      assert.equal(new Set(names).size, names.length, `${section}: ${names.join(' ')}`);
    }
  });

  it('opens every section from a top-level or remote statement', () => {
    const opened = new Set(RACOON_DIRECTIVES.flatMap((d) => (d.opens ? [d.opens] : [])));
    for (const section of RACOON_SECTIONS.filter((s) => s !== 'top')) assert.ok(opened.has(section), section);
    assert.equal(sectionOpenedBy('remote', 'proposal'), 'proposal');
    assert.equal(sectionOpenedBy('top', 'mode_cfg'), 'mode_cfg');
    assert.equal(findDirective('top', 'path', 'certificate')?.name, 'path certificate');
    assert.equal(findDirective('remote', 'dh_group'), undefined);
    assert.equal(findDirective('proposal', 'gssapi_id')?.name, 'gss_id');
  });

  it('accepts its own usage examples without a finding', () => {
    for (const directive of RACOON_DIRECTIVES) {
      if (directive.syntax.includes('…') || /\[[^\d]/.test(directive.syntax)) continue;
      for (const section of directive.sections) {
        const text = WRAPPERS[section](directive.syntax);
        assert.deepEqual(lint('racoon', text, SYNTAX_RULES), [], `${directive.name} in ${section}: ${text}`);
      }
    }
  });

  it('covers the path types, log levels and block keywords racoon knows', () => {
    const pathTypes = RACOON_DIRECTIVES.filter((d) => keywordOf(d) === 'path').map(subKeywordOf);
    assert.deepEqual(pathTypes.sort(), ['backupsa', 'certificate', 'include', 'pidfile', 'pre_shared_key', 'script']);
    const blocks = RACOON_DIRECTIVES.filter((d) => d.opens).map((d) => d.name).sort();
    assert.deepEqual(blocks, ['ldapcfg', 'listen', 'mode_cfg', 'padding', 'privsep', 'proposal', 'radiuscfg', 'remote', 'sainfo', 'timer']);
  });
});
