// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF line ends; a UTF-8 BOM is ignored.

/** A row of the file and the line it starts on (1-based; a quoted field with line breaks spans several lines). */
export type CsvRecord = { line: number; cells: string[] };
export type CsvProblem = { line: number; message: string };
export type CsvReading = { records: CsvRecord[]; problem: CsvProblem | null };

/**
 * Reads the whole text and says where the quoting is broken: a quoted field that is never closed, or text right
 * after a closing quote. A quote inside an unquoted field (`17" wheels`) is kept as a character.
 * Blank lines are skipped. On a problem, the records read so far are returned with it.
 */
export function readCsv(text: string): CsvReading {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  // "start": at the start of a field; "plain": inside an unquoted one; "quoted": inside quotes; "closed": just after the closing quote.
  let state: "start" | "plain" | "quoted" | "closed" = "start";
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== "") records.push({ line: rowLine, cells: row });
    row = [];
    field = "";
    state = "start";
  };
  for (; index < text.length; index += 1) {
    const char = text[index]!;
    if (state === "quoted") {
      if (char === "\n") line += 1;
      if (char === "\r" && text[index + 1] !== "\n") line += 1;
      if (char !== '"') field += char;
      else if (text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else state = "closed";
      continue;
    }
    if (char === ",") {
      row.push(field);
      field = "";
      state = "start";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else if (state === "closed") {
      return { records, problem: { line, message: `Line ${line}: text follows a closing quote; a field with quotes must be quoted whole, its quotes doubled ("").` } };
    } else if (char === '"' && state === "start") {
      state = "quoted";
      quoteLine = line;
    } else {
      field += char;
      state = "plain";
    }
  }
  if (state === "quoted") {
    return { records, problem: { line: quoteLine, message: `Line ${quoteLine}: a quoted field is never closed (a missing " before the end of the file).` } };
  }
  if (field !== "" || row.length || state === "closed") endRow();
  return { records, problem: null };
}

/** The rows of the text; with broken quoting, the rows before the problem (readCsv says where it is). */
export function parseCsv(text: string): string[][] {
  return readCsv(text).records.map((record) => record.cells);
}

// A cell a spreadsheet would run as a formula starts with = or @ (or + / - before something other than a digit, so phone numbers stay as they are).
const formulaStart = /^(=|@|[+-](?!\d))/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
