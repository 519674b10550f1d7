/** The catalog domain's door: products, their search documents and the catalog import. */
export { type ProductRow, type ProductsRepo, makeProductReader, makeProductsRepo } from './products-repo';
export { type KnowledgeSearchDoc, type ProductSearchDoc, knowledgeSearchDoc, shopToken } from './search-doc';
export { MappingNeededError, importCatalog } from './import/import-catalog';
export { decrementCatalogStock } from './stock';
