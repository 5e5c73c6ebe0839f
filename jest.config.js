/** Tests run TypeScript sources through ts-jest; engine tests start a real simulator on loopback. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testTimeout: 60000,
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
};
