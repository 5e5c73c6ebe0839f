/** Plausible reference data for simulated results: real card / comic names, tags, colours, labels. */

export interface TcgCard {
	name: string; set: string; set_code: string; card_number: string; year: number; rarity: string;
	subcategory: string; series?: string; price: number;
	/** The alphabet the card is printed in (the `Alphabet` hint, docs/ximilar-api.md §3.2); latin when absent. */
	alphabet?: 'japanese' | 'chinese' | 'korean' | 'thai';
}

export const TCG_CARDS: readonly TcgCard[] = [
	{ name: 'Charizard', set: 'Base Set', set_code: 'base1', card_number: '4/102', year: 1999, rarity: 'Rare Holo', subcategory: 'Pokemon', series: 'Base', price: 420 },
	{ name: 'Blastoise', set: 'Base Set', set_code: 'base1', card_number: '2/102', year: 1999, rarity: 'Rare Holo', subcategory: 'Pokemon', series: 'Base', price: 160 },
	{ name: 'Pikachu', set: 'Base Set', set_code: 'base1', card_number: '58/102', year: 1999, rarity: 'Common', subcategory: 'Pokemon', series: 'Base', price: 12 },
	{ name: 'Mewtwo', set: 'Base Set', set_code: 'base1', card_number: '10/102', year: 1999, rarity: 'Rare Holo', subcategory: 'Pokemon', series: 'Base', price: 75 },
	{ name: 'Umbreon VMAX', set: 'Evolving Skies', set_code: 'swsh7', card_number: '215/203', year: 2021, rarity: 'Rare Secret', subcategory: 'Pokemon', series: 'Sword & Shield', price: 1350 },
	{ name: 'Lugia V', set: 'Silver Tempest', set_code: 'swsh12', card_number: '186/195', year: 2022, rarity: 'Rare Ultra', subcategory: 'Pokemon', series: 'Sword & Shield', price: 210 },
	{ name: 'Black Lotus', set: 'Limited Edition Alpha', set_code: 'LEA', card_number: '232', year: 1993, rarity: 'Rare', subcategory: 'Magic The Gathering', price: 30000 },
	{ name: 'Lightning Bolt', set: 'Limited Edition Alpha', set_code: 'LEA', card_number: '161', year: 1993, rarity: 'Common', subcategory: 'Magic The Gathering', price: 900 },
	{ name: 'Tarmogoyf', set: 'Future Sight', set_code: 'FUT', card_number: '153', year: 2007, rarity: 'Rare', subcategory: 'Magic The Gathering', price: 25 },
	{ name: 'Sol Ring', set: 'Commander Legends', set_code: 'CMR', card_number: '472', year: 2020, rarity: 'Uncommon', subcategory: 'Magic The Gathering', price: 2 },
	{ name: 'Blue-Eyes White Dragon', set: 'Legend of Blue Eyes White Dragon', set_code: 'LOB', card_number: 'LOB-001', year: 2002, rarity: 'Ultra Rare', subcategory: 'Yu-Gi-Oh!', price: 340 },
	{ name: 'Dark Magician', set: 'Legend of Blue Eyes White Dragon', set_code: 'LOB', card_number: 'LOB-005', year: 2002, rarity: 'Ultra Rare', subcategory: 'Yu-Gi-Oh!', price: 180 },
	{ name: 'Exodia the Forbidden One', set: 'Legend of Blue Eyes White Dragon', set_code: 'LOB', card_number: 'LOB-124', year: 2002, rarity: 'Ultra Rare', subcategory: 'Yu-Gi-Oh!', price: 150 },
	{ name: 'Ash Blossom & Joyous Spring', set: 'Maximum Crisis', set_code: 'MACR', card_number: 'MACR-EN036', year: 2017, rarity: 'Secret Rare', subcategory: 'Yu-Gi-Oh!', price: 35 },
	{ name: 'Monkey.D.Luffy', set: 'Romance Dawn', set_code: 'OP01', card_number: 'OP01-024', year: 2022, rarity: 'Super Rare', subcategory: 'One Piece', price: 40 },
	{ name: 'Elsa - Spirit of Winter', set: 'The First Chapter', set_code: 'TFC', card_number: '42/204', year: 2023, rarity: 'Legendary', subcategory: 'Lorcana', price: 55 },
	// Prints in other alphabets: found only when the record says so (an Alphabet hint), as Ximilar assumes latin otherwise.
	{ name: 'Charizard', set: 'Expansion Pack (Japanese)', set_code: 'base1-jp', card_number: '006', year: 1996, rarity: 'Rare Holo', subcategory: 'Pokemon', series: 'Base', price: 380, alphabet: 'japanese' },
	{ name: 'Pikachu', set: 'Expansion Pack (Japanese)', set_code: 'base1-jp', card_number: '025', year: 1996, rarity: 'Common', subcategory: 'Pokemon', series: 'Base', price: 30, alphabet: 'japanese' },
	{ name: 'Monkey.D.Luffy', set: 'Romance Dawn (Japanese)', set_code: 'OP01-jp', card_number: 'OP01-003', year: 2022, rarity: 'Leader', subcategory: 'One Piece', price: 25, alphabet: 'japanese' },
	{ name: 'Pikachu', set: 'Gem Pack (Chinese)', set_code: 'cs-gem', card_number: '012', year: 2023, rarity: 'Common', subcategory: 'Pokemon', price: 8, alphabet: 'chinese' },
	{ name: 'Charizard ex', set: 'Ruler of the Black Flame (Korean)', set_code: 'sv3-kr', card_number: '066', year: 2023, rarity: 'Double Rare', subcategory: 'Pokemon', price: 20, alphabet: 'korean' },
	{ name: 'Pikachu', set: 'Scarlet ex (Thai)', set_code: 'sv1s-th', card_number: '029', year: 2023, rarity: 'Common', subcategory: 'Pokemon', price: 5, alphabet: 'thai' },
];

/** The values of the `Alphabet` hint (docs/ximilar-api.md §3.2, S1, S3). */
export const ALPHABETS = ['latin', 'japanese', 'chinese', 'korean', 'thai'] as const;

export interface SportCard {
	name: string; team: string; set: string; card_number: string; year: number; subcategory: string; company: string; price: number;
}

export const SPORT_CARDS: readonly SportCard[] = [
	{ name: 'Michael Jordan', team: 'Chicago Bulls', set: '1986 Fleer', card_number: '57', year: 1986, subcategory: 'Basketball', company: 'Fleer', price: 8500 },
	{ name: 'LeBron James', team: 'Cleveland Cavaliers', set: '2003 Topps Chrome', card_number: '111', year: 2003, subcategory: 'Basketball', company: 'Topps', price: 2600 },
	{ name: 'Mickey Mantle', team: 'New York Yankees', set: '1952 Topps', card_number: '311', year: 1952, subcategory: 'Baseball', company: 'Topps', price: 95000 },
	{ name: 'Shohei Ohtani', team: 'Los Angeles Angels', set: '2018 Topps Update', card_number: 'US1', year: 2018, subcategory: 'Baseball', company: 'Topps', price: 120 },
	{ name: 'Tom Brady', team: 'New England Patriots', set: '2000 Playoff Contenders', card_number: '144', year: 2000, subcategory: 'Football', company: 'Playoff', price: 18000 },
	{ name: 'Wayne Gretzky', team: 'Edmonton Oilers', set: '1979 O-Pee-Chee', card_number: '18', year: 1979, subcategory: 'Hockey', company: 'O-Pee-Chee', price: 6000 },
	{ name: 'Lionel Messi', team: 'FC Barcelona', set: '2004 Panini Megacracks', card_number: '71', year: 2004, subcategory: 'Soccer', company: 'Panini', price: 3200 },
];

export interface Comic {
	name: string; issue_number: string; publisher: string; year: number; price: number;
}

export const COMICS: readonly Comic[] = [
	{ name: 'Amazing Fantasy', issue_number: '15', publisher: 'Marvel', year: 1962, price: 250000 },
	{ name: 'Action Comics', issue_number: '1', publisher: 'DC', year: 1938, price: 3000000 },
	{ name: 'Detective Comics', issue_number: '27', publisher: 'DC', year: 1939, price: 1500000 },
	{ name: 'The Incredible Hulk', issue_number: '181', publisher: 'Marvel', year: 1974, price: 9000 },
	{ name: 'X-Men', issue_number: '1', publisher: 'Marvel', year: 1963, price: 40000 },
	{ name: 'Batman', issue_number: '1', publisher: 'DC', year: 1940, price: 350000 },
	{ name: 'Teenage Mutant Ninja Turtles', issue_number: '1', publisher: 'Mirage Studios', year: 1984, price: 12000 },
];

export const GRADING_COMPANIES = ['PSA', 'BGS', 'CGC', 'SGC'] as const;
export const GRADES = ['10', '9.5', '9', '8.5', '8', '7', '6'] as const;
export const PRICE_SOURCES = ['eBay', 'TCGPlayer', 'Cardmarket'] as const;

/** Feature -> possible values, for fashion / home decor tagging. */
export type TagTable = Record<string, readonly string[]>;

export const FASHION_CATEGORIES: Record<string, readonly string[]> = {
	'Clothing/Upper': ['T-shirts', 'Shirts', 'Sweaters', 'Hoodies'],
	'Clothing/Jackets and Coats': ['Jackets', 'Coats', 'Blazers'],
	'Clothing/Dresses': ['Maxi Dresses', 'Mini Dresses', 'Shirt Dresses'],
	'Clothing/Pants': ['Jeans', 'Chinos', 'Leggings'],
	'Footwear/Sneakers': ['Low Top Sneakers', 'High Top Sneakers'],
	'Bags/Handbags': ['Shoulder Bags', 'Tote Bags', 'Crossbody Bags'],
	'Accessories/Sunglasses': ['Aviator', 'Wayfarer', 'Round'],
};

export const FASHION_TAGS: TagTable = {
	Color: ['black', 'white', 'blue', 'navy', 'red', 'green', 'beige', 'grey', 'pink', 'brown', 'yellow'],
	Pattern: ['plain', 'striped', 'checked', 'floral', 'dotted', 'camouflage', 'animal print'],
	Style: ['casual', 'elegant', 'sporty', 'business', 'vintage', 'streetwear'],
	Material: ['cotton', 'denim', 'leather', 'wool', 'linen', 'polyester'],
	Length: ['short', 'regular', 'long'],
};

export const HOMEDECOR_CATEGORIES: readonly string[] = [
	'Furniture/Sofas', 'Furniture/Chairs', 'Furniture/Tables', 'Furniture/Beds', 'Lighting/Lamps', 'Decor/Vases', 'Textiles/Rugs',
];

export const HOMEDECOR_TAGS: TagTable = {
	Color: ['white', 'black', 'grey', 'beige', 'brown', 'green', 'blue', 'mustard'],
	Material: ['wood', 'metal', 'fabric', 'leather', 'glass', 'ceramic', 'rattan', 'marble'],
	Style: ['scandinavian', 'industrial', 'mid-century modern', 'rustic', 'minimalist', 'bohemian'],
	Shape: ['rectangular', 'round', 'oval', 'square', 'L-shaped'],
};

/** Generic photo tags: feature -> [English, Czech] pairs. */
export const PHOTO_TAGS: Record<string, readonly [string, string][]> = {
	Category: [['Nature', 'Příroda'], ['City', 'Město'], ['People', 'Lidé'], ['Animals', 'Zvířata'], ['Food', 'Jídlo'], ['Interior', 'Interiér']],
	Scene: [['beach', 'pláž'], ['mountain', 'hora'], ['forest', 'les'], ['street', 'ulice'], ['sunset', 'západ slunce'], ['lake', 'jezero']],
	Objects: [['dog', 'pes'], ['cat', 'kočka'], ['car', 'auto'], ['tree', 'strom'], ['building', 'budova'], ['flower', 'květina'], ['sky', 'obloha'], ['water', 'voda']],
	Mood: [['calm', 'klidný'], ['happy', 'veselý'], ['dramatic', 'dramatický']],
};

/** Named colours for dominant-colour results. */
export const COLORS: readonly { name: string; rgb: [number, number, number] }[] = [
	{ name: 'black', rgb: [20, 20, 22] }, { name: 'white', rgb: [245, 245, 240] }, { name: 'grey', rgb: [128, 128, 130] },
	{ name: 'navy', rgb: [24, 36, 84] }, { name: 'blue', rgb: [38, 94, 196] }, { name: 'light blue', rgb: [150, 190, 230] },
	{ name: 'red', rgb: [200, 30, 40] }, { name: 'burgundy', rgb: [110, 20, 40] }, { name: 'pink', rgb: [240, 160, 190] },
	{ name: 'orange', rgb: [240, 130, 30] }, { name: 'yellow', rgb: [245, 210, 50] }, { name: 'beige', rgb: [220, 200, 165] },
	{ name: 'brown', rgb: [110, 70, 40] }, { name: 'green', rgb: [40, 140, 60] }, { name: 'olive', rgb: [110, 115, 50] },
	{ name: 'purple', rgb: [110, 50, 150] }, { name: 'teal', rgb: [20, 128, 128] },
];

/** Label sets for custom recognition / detection tasks (chosen by task id hash). */
export const CLASSIFY_LABEL_SETS: readonly (readonly string[])[] = [
	['cat', 'dog', 'rabbit'],
	['defect', 'ok'],
	['front', 'back'],
	['Pokemon', 'Magic The Gathering', 'Yu-Gi-Oh!', 'Sports'],
	['graded', 'raw'],
];

export const DETECT_LABEL_SETS: readonly (readonly string[])[] = [
	['person', 'car', 'bicycle', 'dog'],
	['scratch', 'dent', 'crack'],
	['Card', 'Slab'],
];
