import { Foundation1763780000000 } from './1763780000000-foundation.js';

/** Every migration, in order. A landed migration is never edited; add a new one. */
export const MIGRATIONS = [Foundation1763780000000];
