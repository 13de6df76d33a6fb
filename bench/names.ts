/**
 * Malaysian-looking names for the bench dataset: Malay, Chinese, Indian and East Malaysian
 * naming patterns, with a few names in Chinese characters, Tamil script and Latin letters
 * outside ASCII, so certificate rendering meets every font the app bundles.
 */
import type { RandomSource } from '#src/lib/server/quiz/draw.ts';

const malayMale = [
  'Ahmad',
  'Muhammad Hafiz',
  'Mohd Faizal',
  'Syafiq',
  'Amirul',
  'Zulkifli',
  'Hakim',
  'Firdaus',
];
const malayFemale = [
  'Nurul Huda',
  'Siti Aisyah',
  'Nur Izzati',
  'Farah',
  'Hidayah',
  'Aina',
  'Nabila',
  'Zarina',
];
const malayFathers = ['Ismail', 'Abdullah', 'Othman', 'Hamzah', 'Rosli', 'Kamarul', 'Yusof', 'Ibrahim'];
const chineseSurnames = ['Tan', 'Lim', 'Lee', 'Wong', 'Ng', 'Chan', 'Goh', 'Ong', 'Teh', 'Chong'];
const chineseGiven = ['Wei Ming', 'Mei Ling', 'Jia Hui', 'Kah Seng', 'Siew Lan', 'Chee Keong', 'Pei Shan'];
const indianGiven = ['Kavitha', 'Rajesh', 'Suresh', 'Priya', 'Devi', 'Arun', 'Lakshmi', 'Ganesh'];
const indianFathers = ['Ramasamy', 'Subramaniam', 'Muthu', 'Krishnan', 'Pillai', 'Nair'];
const eastMalaysian = ['Jugah anak Nyandang', 'Linggi anak Jarau', 'Mary Joseph Ambrose', 'Justin Majimbun'];
const unicodeNames = ['陈伟明', 'Tan Wei Ming 陈伟明', 'கவிதா ராமசாமி', 'Zoë Łukasz', 'Nguyễn Thị Hoa'];

function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A full name as a person would give it; about 1 in 40 is outside ASCII. */
export function personName(random: RandomSource): string {
  const roll = random();
  if (roll < 0.025) return pick(random, unicodeNames);
  if (roll < 0.22) return `${pick(random, malayMale)} bin ${pick(random, malayFathers)}`;
  if (roll < 0.45) return `${pick(random, malayFemale)} binti ${pick(random, malayFathers)}`;
  if (roll < 0.7) return `${pick(random, chineseSurnames)} ${pick(random, chineseGiven)}`;
  if (roll < 0.92)
    return `${pick(random, indianGiven)} ${random() < 0.5 ? 'a/l' : 'a/p'} ${pick(random, indianFathers)}`;
  return pick(random, eastMalaysian);
}

const places = [
  'Shah Alam',
  'Klang',
  'Johor Bahru',
  'Pulau Pinang',
  'Kuching',
  'Ipoh',
  'Kota Kinabalu',
  'Seremban',
];
const trades = [
  'Elektronik',
  'Logistik',
  'Pembinaan',
  'Perkilangan',
  'Makanan',
  'Plastik',
  'Tekstil',
  'Automotif',
];
const forms = ['Sdn Bhd', 'Berhad', 'Enterprise', 'Industries Sdn Bhd'];

/** The `index`th employer name; distinct for every index below 256 × rounds. */
export function employerName(index: number): string {
  const place = places[index % places.length] ?? '';
  const trade = trades[Math.floor(index / places.length) % trades.length] ?? '';
  const form = forms[Math.floor(index / (places.length * trades.length)) % forms.length] ?? '';
  const round = Math.floor(index / (places.length * trades.length * forms.length));
  return `${trade} ${place}${round > 0 ? ` ${round + 1}` : ''} ${form}`;
}
