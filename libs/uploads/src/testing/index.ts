export { bytesSource, csvRow, csvSource, rejectionOf } from './csv-source';
