/**
 * The layers (docs/architecture.md), enforced by `npm test` (scripts/check-layers.mjs):
 * the kernel (harness/) knows nothing above it; audits, personas and targets know only the
 * kernel; composition/ is the one place that wires them all. Tests may import what they test with.
 */
const notTests = '\\.(test|spec)\\.ts$';
const layer = (name, from, forbidden, comment) => ({
  name, comment, severity: 'error',
  from: { path: from, pathNot: notTests },
  to: { path: forbidden },
});
module.exports = {
  forbidden: [
    layer('kernel-knows-nothing-above', '^harness/', '^(audits|personas|targets|composition)/', 'harness/ is the kernel: it takes audits, personas and targets as arguments, it never imports them'),
    layer('audits-know-only-the-kernel', '^audits/', '^(personas|targets|composition)/', 'an audit judges artifacts; it knows no persona, target or wiring'),
    layer('personas-know-only-the-kernel', '^personas/', '^(audits|targets|composition)/', 'a persona names its audits by id; it imports no audit, target or wiring'),
    layer('targets-know-only-the-kernel', '^targets/', '^(audits|personas|composition)/', 'a target is an app and its description; it knows no audit, persona or wiring'),
    layer('a-target-owns-its-catalogue', '^(?!targets/)', '^targets/[^/]+/defects\\.(ts|ya?ml)$', 'a target\'s profiles and defects are read through its Target (Target.defects), never by importing its catalogue'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '((^|/)(node_modules|dist|test-results|portico-out)/|\.d\.m?ts$)' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};
