/** Ximilar's public API; the credential's API URL changes it only for a private deployment or a test server. */
export const DEFAULT_API_URL = 'https://api.ximilar.com';

/** The credential's API URL as requests use it: the default when empty, no trailing slash. */
export function apiBaseUrl(apiUrl: unknown): string {
	return String(apiUrl || DEFAULT_API_URL).trim().replace(/\/+$/, '');
}
