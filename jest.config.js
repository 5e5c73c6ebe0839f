/** Tests run TypeScript sources through ts-jest; engine tests start a real simulator on loopback. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testTimeout: 60000,
	// n8n-core keeps process-wide handles (instance settings, DI singletons) open after a
	// workflow run; the simulator and every test resource are closed by the tests themselves.
	forceExit: true,
};
