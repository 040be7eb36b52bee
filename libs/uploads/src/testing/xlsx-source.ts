import ExcelJS from 'exceljs';

/** A cell as a test writes it into a workbook: text, a number, a date (a date cell, as Excel keeps one), or empty. */
export type XlsxCell = string | number | Date | null;

export interface XlsxSheet {
  name?: string;
  /** Rows from row 1; an empty array leaves that row out, as Excel does for a blank row. */
  rows: XlsxCell[][];
  state?: 'visible' | 'hidden';
}

/**
 * An .xlsx file as Excel would save it (exceljs writes it): each sheet's rows, dates as date cells formatted
 * dd/mm/yyyy, numbers as numbers.
 */
export async function xlsxBytes(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((sheet, index) => {
    const worksheet = workbook.addWorksheet(sheet.name ?? `Sheet${index + 1}`, {
      state: sheet.state ?? 'visible',
    });
    sheet.rows.forEach((cells, rowIndex) => {
      if (cells.length === 0) return;
      const row = worksheet.getRow(rowIndex + 1);
      cells.forEach((value, column) => {
        if (value === null) return;
        const cell = row.getCell(column + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
      row.commit();
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
