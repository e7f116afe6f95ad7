/**
 * The compiled (CommonJS) form of a module exporting one constant: what the build writes in place of a
 * placeholder module's output when it knows the real value.
 */
export function constantModule(name: string, value: unknown): string {
  return [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    `exports.${name} = ${JSON.stringify(value)};`,
    '',
  ].join('\n');
}
