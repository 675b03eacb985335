// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF line ends; a UTF-8 BOM is ignored.

/** A row of the file and the line it starts on (1-based; a quoted field with line breaks spans several lines). */
export type CsvRecord = { line: number; cells: string[] };
export type CsvProblem = { line: number; message: string };
export type CsvReading = { records: CsvRecord[]; problem: CsvProblem | null };

/**
 * Reads CSV text piece by piece (a piece may end anywhere, even between the two characters of "" or CRLF), so a
 * large file never has to be held as records all at once. Says where the quoting is broken: a quoted field that is
 * never closed, or text right after a closing quote; after a problem it reads nothing more. A quote inside an
 * unquoted field (`17" wheels`) is kept as a character. Blank lines are skipped.
 */
export class CsvReader {
  problem: CsvProblem | null = null;
  /** The line the reader has reached (1-based). */
  line = 1;
  private row: string[] = [];
  private field = "";
  private rowLine = 1;
  private quoteLine = 0;
  // "start": at the start of a field; "plain": inside an unquoted one; "quoted": inside quotes; "quote": a quote inside
  // quotes, which either doubles the next one or closes the field; "closed": just after the closing quote.
  private state: "start" | "plain" | "quoted" | "quote" | "closed" = "start";
  private afterCr = false;
  private first = true;

  /** Reads the next piece of the text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (this.problem) return records;
    let index = 0;
    if (this.first && text.length) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) index = 1;
    }
    // A field's characters are taken as slices of the text (a run from `run` to the current index), not one by one.
    let run = this.state === "plain" || this.state === "quoted" ? index : -1;
    const takeRun = (end: number) => {
      if (run >= 0 && end > run) this.field += text.slice(run, end);
      run = -1;
    };
    for (; index < text.length; index += 1) {
      const char = text[index]!;
      const afterCr = this.afterCr;
      this.afterCr = char === "\r";
      if (this.state === "quote") {
        if (char === '"') {
          this.field += '"';
          this.state = "quoted";
          run = index + 1;
          continue;
        }
        this.state = "closed";
      }
      if (this.state === "quoted") {
        if (char === "\r" || (char === "\n" && !afterCr)) this.line += 1;
        if (char === '"') {
          takeRun(index);
          this.state = "quote";
        } else if (run < 0) run = index;
        continue;
      }
      if (char === "\n" && afterCr) continue;
      if (char === ",") {
        takeRun(index);
        this.row.push(this.field);
        this.field = "";
        this.state = "start";
      } else if (char === "\n" || char === "\r") {
        takeRun(index);
        this.endRow(records);
        this.line += 1;
        this.rowLine = this.line;
      } else if (this.state === "closed") {
        this.problem = { line: this.line, message: `Line ${this.line}: text follows a closing quote; a field with quotes must be quoted whole, its quotes doubled ("").` };
        return records;
      } else if (char === '"' && this.state === "start") {
        this.state = "quoted";
        this.quoteLine = this.line;
      } else {
        if (run < 0) run = index;
        this.state = "plain";
      }
    }
    takeRun(text.length);
    return records;
  }

  /** The end of the text: the last record when no line break ended it. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (this.problem) return records;
    if (this.state === "quoted") {
      this.problem = { line: this.quoteLine, message: `Line ${this.quoteLine}: a quoted field is never closed (a missing " before the end of the file).` };
      return records;
    }
    if (this.field !== "" || this.row.length || this.state === "quote" || this.state === "closed") this.endRow(records);
    return records;
  }

  private endRow(records: CsvRecord[]): void {
    this.row.push(this.field);
    if (this.row.length > 1 || this.row[0] !== "") records.push({ line: this.rowLine, cells: this.row });
    this.row = [];
    this.field = "";
    this.state = "start";
  }
}

const pieceLength = 64 * 1024;

/** The records of the text, a piece at a time; the reader holds the problem, if any, once the loop ends. */
export function* csvRecords(reader: CsvReader, text: string): Generator<CsvRecord> {
  for (let start = 0; start < text.length && !reader.problem; start += pieceLength) yield* reader.push(text.slice(start, start + pieceLength));
  yield* reader.end();
}

/** Reads the whole text; on a problem, the records read so far are returned with it. */
export function readCsv(text: string): CsvReading {
  const reader = new CsvReader();
  const records = [...reader.push(text), ...reader.end()];
  return { records, problem: reader.problem };
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
