'use strict';
// Runs a bundle from dist/ with the V8 code cache `npm run build` made for it: compiling a
// bundle from scratch is a good part of a start-up. V8 takes a cache only from its own version
// run with the same options, so a cache's file name says both; when no cache fits, the bundle is
// compiled as usual.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** The build sets this to have a run write the cache, which then holds every function the run compiled. */
const WRITE_VARIABLE = 'IPSEC_WRITE_CODE_CACHE';

/** Where the cache for this V8 and these Node options lives. */
function cacheFileFor(bundle, execArgv = process.execArgv, v8Version = process.versions.v8) {
  const options = execArgv
    .map((arg) => arg.replace(/^-+/, ''))
    .join('+')
    .replace(/[^A-Za-z0-9=.+-]/g, '_');
  return `${bundle}.${v8Version}${options ? `.${options}` : ''}.cache`;
}

function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Runs `bundle` as a CommonJS module. A bundle the build made as one function expression in ASCII
 * (`wrapped`) is compiled as read; any other is wrapped as Node would wrap it.
 */
function loadBundle(bundle, { wrapped = false, parent = module } = {}) {
  const cacheFile = cacheFileFor(bundle);
  const writeCache = Boolean(process.env[WRITE_VARIABLE]);
  const source = wrapped ? fs.readFileSync(bundle, 'latin1') : Module.wrap(fs.readFileSync(bundle, 'utf8'));
  const script = new vm.Script(source, { filename: bundle, cachedData: writeCache ? undefined : readCache(cacheFile) });
  const loaded = new Module(bundle, parent);
  loaded.filename = bundle;
  loaded.paths = Module._nodeModulePaths(path.dirname(bundle));
  if (writeCache) process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  script.runInThisContext().call(loaded.exports, loaded.exports, (id) => loaded.require(id), loaded, bundle, path.dirname(bundle));
}

module.exports = { WRITE_VARIABLE, cacheFileFor, loadBundle };
