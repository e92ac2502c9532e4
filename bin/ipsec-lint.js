#!/usr/bin/env node
'use strict';
// The bundle is one function expression (see scripts/build.mjs), run with its code cache.
const path = require('node:path');
const { loadBundle } = require('./load-bundle.js');

loadBundle(path.join(__dirname, '..', 'dist', 'cli.js'), { wrapped: true, parent: module });
