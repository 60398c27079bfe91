// typescript-eslint 8 reads the TypeScript 6 JavaScript API and refuses TypeScript 7, whose `typescript`
// package is the native tsc with no JavaScript API. TypeScript's side-by-side package `@typescript/typescript6`
// (a devDependency) carries that API: requests for `typescript` made from inside typescript-eslint's own
// packages resolve to it, every other `typescript` request is left alone. Imported first by eslint.config.mjs.
// Remove this file and the `@typescript/typescript6` devDependency once typescript-eslint supports TypeScript 7.
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const typescript6 = createRequire(import.meta.url).resolve('@typescript/typescript6');
const callers = ['typescript-eslint', '@typescript-eslint', 'ts-api-utils'].map((name) => path.join('/node_modules', name, '/'));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && callers.some((dir) => parent?.filename?.includes(dir))) return typescript6;
  return resolveFilename.call(this, request, parent, ...rest);
};
