/** The import-mappings module's public surface beyond its service: the shape of a mapping. */
export type { ImportMappingPutDto } from './dto/import-mapping.dto.js';
