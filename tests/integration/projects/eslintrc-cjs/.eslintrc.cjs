// The minimal eslintrc set-up: only .js files are linted unless `--ext` or `overrides` add more.
module.exports = {
  root: true,
  extends: ['plugin:agent-guard/legacy-recommended'],
  parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
};
