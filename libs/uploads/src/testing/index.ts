export { bytesSource, csvRow, csvSource, rejectionOf } from './csv-source';
export { xlsxBytes } from './xlsx-source';
export type { XlsxCell, XlsxSheet } from './xlsx-source';
export { zoe, zoePassport } from './zoe';
