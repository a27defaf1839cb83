import type { Linter } from 'eslint';

/** Flat-config entries with the layer rules of src/ (see eslint.layers.js). */
export declare const layerRules: Linter.Config[];
