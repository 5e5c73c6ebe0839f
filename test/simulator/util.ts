/** Small deterministic helpers shared by the simulator modules. */
import { createHash } from 'crypto';

export function sha1Hex(data: Buffer | string): string {
	return createHash('sha1').update(data).digest('hex');
}

/** mulberry32: tiny seeded PRNG, returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Seeded random source with a few conveniences; same key, same sequence. */
export class Rng {
	private readonly next01: () => number;
	constructor(key: string) {
		this.next01 = mulberry32(parseInt(sha1Hex(key).slice(0, 8), 16));
	}
	next(): number {
		return this.next01();
	}
	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next01() * (max - min + 1));
	}
	/** Float in [min, max) rounded to `digits` decimals. */
	float(min: number, max: number, digits = 4): number {
		return round(min + this.next01() * (max - min), digits);
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next01() * items.length)];
	}
	/** `n` distinct items, in random order. */
	sample<T>(items: readonly T[], n: number): T[] {
		const pool = items.slice();
		const out: T[] = [];
		while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next01() * pool.length), 1)[0]);
		return out;
	}
}

export function round(x: number, digits = 4): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

/** A UUID-shaped id derived from a string (stable ids for labels, tags, tasks). */
export function stableUuid(key: string): string {
	const h = sha1Hex(key);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `n` probabilities in descending order that sum to 1 (rounded). */
export function descendingProbs(rng: Rng, n: number): number[] {
	const raw = Array.from({ length: n }, () => rng.next() + 0.05).sort((a, b) => b - a);
	raw[0] += rng.next() * n; // make the winner clear
	const sum = raw.reduce((s, v) => s + v, 0);
	return raw.map((v) => round(v / sum, 4));
}
