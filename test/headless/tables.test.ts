// Structured references to a workbook's tables are written as the cells they stand for; anything not understood
// is left as written (the cell then keeps Excel's cached value).
import { expandTables, readTables, type TableDef } from "../../src/headless/io/tables";
import { tableBook } from "../hostile/tableBook";

// 'My Data'!B3:D8: header row 3, data rows 4-7, totals row 8; columns Name, Amount, Rate [%]
const T: TableDef = {
  name: "Sales",
  sheet: "My Data",
  top: 3,
  left: 2,
  bottom: 8,
  right: 4,
  headerRows: 1,
  totalsRows: 1,
  columns: ["Name", "Amount", "Rate [%]"],
};
const x = (formula: string, row = 5) => expandTables(formula, [T], row);

describe("expandTables", () => {
  it("writes a column, the data, #All, #Headers, #Totals and their allowed combinations as cells", () => {
    expect(x("=SUM(Sales[Amount])")).toBe("=SUM('My Data'!$C$4:$C$7)");
    expect(x("=SUM(sales[[amount]])")).toBe("=SUM('My Data'!$C$4:$C$7)"); // names are case-insensitive
    expect(x("=ROWS(Sales[])+ROWS(Sales[#Data])")).toBe("=ROWS('My Data'!$B$4:$D$7)+ROWS('My Data'!$B$4:$D$7)");
    expect(x("=ROWS(Sales[#All])")).toBe("=ROWS('My Data'!$B$3:$D$8)");
    expect(x("=Sales[[#Headers],[Amount]]")).toBe("='My Data'!$C$3");
    expect(x("=Sales[[#Totals],[Amount]]")).toBe("='My Data'!$C$8");
    expect(x("=SUM(Sales[[#Headers],[#Data],[Amount]])")).toBe("=SUM('My Data'!$C$3:$C$7)");
    expect(x("=SUM(Sales[[#Data],[#Totals],[Amount]:[Rate '[%']]])")).toBe("=SUM('My Data'!$C$4:$D$8)");
  });

  it("writes a bare table name as its data (=SUM(Sales)), but not a function, sheet or name that contains it", () => {
    expect(x("=SUM(Sales)+ROWS(sales)")).toBe("=SUM('My Data'!$B$4:$D$7)+ROWS('My Data'!$B$4:$D$7)");
    expect(x("=Sales")).toBe("='My Data'!$B$4:$D$7");
    for (const f of ["=Sales(1)", "=Sales!A1", "=SalesTotal+My.Sales", '="Sales"', "='Sales'!A1"]) expect(x(f)).toBe(f);
  });

  it("writes This Row (and @) as the formula's own row inside the data", () => {
    expect(x("=Sales[[#This Row],[Amount]]*2", 6)).toBe("='My Data'!$C$6*2");
    expect(x("=Sales[@Amount]+Sales[@[Rate '[%']]]", 4)).toBe("='My Data'!$C$4+'My Data'!$D$4");
  });

  it("leaves as written what it does not understand: another row, unknown table or column, text, other workbooks", () => {
    for (const f of [
      "=Sales[[#This Row],[Amount]]", // row 9: outside the data rows
      "=SUM(Other[Amount])",
      "=SUM(Sales[Missing])",
      "=SUM(Sales[[#Headers],[#Totals]])",
      '="Sales[Amount]"',
      "=[1]Sheet1!A1+'[2]My Sheet'!B2",
      "=SUM(Sales[Amount)", // unclosed bracket
    ])
      expect(x(f, 9)).toBe(f);
    expect(x('=Sales[Amount]&"Sales[Amount]"')).toBe("='My Data'!$C$4:$C$7&\"Sales[Amount]\"");
  });
});

describe("readTables", () => {
  it("reads each table's name, sheet, range, header and totals rows and columns from the package", async () => {
    expect(await readTables(await tableBook())).toEqual([
      {
        name: "Table1",
        sheet: "Data",
        top: 1,
        left: 1,
        bottom: 4,
        right: 1,
        headerRows: 1,
        totalsRows: 0,
        columns: ["Amount"],
      },
    ]);
    expect(await readTables(await tableBook({ table: false }))).toEqual([]);
  });
});
