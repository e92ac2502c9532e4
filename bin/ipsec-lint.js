#!/usr/bin/env node
'use strict';
// Loads the bundled CLI with V8's code cache made by `npm run build`: compiling the bundle from
// scratch is a good part of a run's start-up. A cache from another Node version (or bundle) is
// rejected by V8, and the bundle is then compiled as usual. The bundle is a function expression
// in ASCII (see scripts/build.mjs), compiled without copying it into a wrapper first.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
// The build sets this to have one run write the cache, which then holds every function a run compiles.
const writeCacheTo = process.env.IPSEC_LINT_WRITE_CODE_CACHE;

function readCache() {
  try {
    return writeCacheTo ? undefined : fs.readFileSync(`${bundle}.cache`);
  } catch {
    return undefined;
  }
}

const script = new vm.Script(fs.readFileSync(bundle, 'latin1'), { filename: bundle, cachedData: readCache() });
const cli = new Module(bundle, module);
cli.filename = bundle;
cli.paths = Module._nodeModulePaths(path.dirname(bundle));
if (writeCacheTo) process.on('exit', () => fs.writeFileSync(writeCacheTo, script.createCachedData()));
script.runInThisContext().call(cli.exports, cli.exports, (id) => cli.require(id), cli, bundle, path.dirname(bundle));
