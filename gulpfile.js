// Copies what tsc does not: the node and credential icons and the codex (<Node>.node.json)
// into dist/, next to the compiled files that reference them.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
