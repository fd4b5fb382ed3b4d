package org.liandong.community.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An uploaded file read as a registry sheet: an .xlsx workbook (the first sheet that has the headers) or a
 * CSV text. Finds the header row among the first rows (a title may stand above it), maps the columns by
 * their headers and hands out the data rows. Anything that is not such a sheet ends in {@link FileRejected}.
 */
final class SpreadsheetFile {

    /** How far down the header row may be, below titles and notes. */
    private static final int HEADER_SEARCH = 10;
    /** A header row names at least this many known columns. */
    private static final int HEADER_MIN = 3;
    private static final Set<Integer> DATE_FORMAT_IDS = Set.of(14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36,
            50, 51, 52, 53, 54, 57, 58);
    private static final Pattern FORMAT_LITERALS = Pattern.compile("\"[^\"]*\"|\\[[^]]*]|\\\\.");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private enum Kind { CSV, XLSX }

    /** A row before the columns are known: cells are String, BigDecimal (numbers) or LocalDate. */
    private record RawRow(int number, List<Object> cells) {
        boolean blank() {
            return cells.stream().allMatch(c -> c instanceof String s && Text.clean(s).isEmpty());
        }
    }

    private final byte[] content;
    private final Kind kind;
    private final String text;

    private SpreadsheetFile(byte[] content, Kind kind, String text) {
        this.content = content;
        this.kind = kind;
        this.text = text;
    }

    static SpreadsheetFile of(byte[] content) {
        if (content.length == 0) {
            throw new FileRejected("import.file.empty");
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return new SpreadsheetFile(content, Kind.XLSX, "");
        }
        if (content.length >= 8 && ReadableWorkbook.isOLE2Header(content)) {
            throw new FileRejected("import.file.old-excel");
        }
        if (CsvText.binary(content)) {
            throw new FileRejected("import.file.not-spreadsheet");
        }
        var text = CsvText.decode(content);
        if (text.isBlank()) {
            throw new FileRejected("import.file.empty");
        }
        if (!CsvText.looksLikeText(text)) {
            throw new FileRejected("import.file.not-spreadsheet");
        }
        return new SpreadsheetFile(content, Kind.CSV, text);
    }

    /** Counts the data rows, rejecting the file when a required column is missing or there are too many rows. */
    int count(int maxRows) {
        return read(maxRows, row -> { });
    }

    /** Hands every non-blank data row to {@code sink}, in file order; returns how many there were. */
    int read(int maxRows, Consumer<ImportRow> sink) {
        if (kind == Kind.CSV) {
            var records = CsvText.records(text);
            return read(csvRows(records), maxRows, sink);
        }
        try (var workbook = open()) {
            var sheet = headerSheet(workbook);
            try (var rows = sheet.openStream()) {
                return read(xlsxRows(rows, workbook.isDate1904()), maxRows, sink);
            }
        } catch (IOException e) {
            throw new FileRejected("import.file.not-xlsx");
        }
    }

    private int read(Iterator<RawRow> rows, int maxRows, Consumer<ImportRow> sink) {
        var seen = new ArrayList<RawRow>();
        Map<Column, Integer> columns = null;
        while (rows.hasNext() && seen.size() < HEADER_SEARCH) {
            var row = rows.next();
            if (row.blank()) {
                continue;
            }
            seen.add(row);
            var found = columns(row);
            if (found.size() >= HEADER_MIN) {
                columns = found;
                break;
            }
        }
        if (seen.isEmpty()) {
            throw new FileRejected("import.file.empty");
        }
        var found = columns != null ? columns : columns(seen.get(0));
        var missing = EnumSet.allOf(Column.class);
        missing.removeIf(c -> !c.required() || found.containsKey(c));
        if (!missing.isEmpty()) {
            throw new FileRejected("import.file.missing-columns",
                    String.join(",", missing.stream().map(Column::name).toList()));
        }
        int count = 0;
        while (rows.hasNext()) {
            var row = rows.next();
            if (row.blank()) {
                continue;
            }
            var data = map(row, found);
            if (data.isBlank()) {
                continue;
            }
            if (++count > maxRows) {
                throw new FileRejected("import.file.too-many-rows", String.valueOf(maxRows));
            }
            sink.accept(data);
        }
        if (count == 0) {
            throw new FileRejected("import.file.no-rows");
        }
        return count;
    }

    private static Map<Column, Integer> columns(RawRow header) {
        var columns = new EnumMap<Column, Integer>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            if (header.cells().get(i) instanceof String s) {
                int index = i;
                Column.fromHeader(s).ifPresent(c -> columns.putIfAbsent(c, index));
            }
        }
        return columns;
    }

    private ImportRow map(RawRow row, Map<Column, Integer> columns) {
        var cells = new String[Column.values().length];
        int numeric = 0;
        for (var e : columns.entrySet()) {
            var column = e.getKey();
            var value = e.getValue() < row.cells().size() ? row.cells().get(e.getValue()) : "";
            cells[column.ordinal()] = switch (value) {
                case LocalDate date -> date.toString();
                case BigDecimal number when column.isDate() -> excelDate(number);
                case BigDecimal number -> {
                    numeric |= 1 << column.ordinal();
                    yield number.stripTrailingZeros().toPlainString();
                }
                default -> Text.clean(String.valueOf(value));
            };
        }
        return new ImportRow(row.number(), cells, numeric);
    }

    private boolean date1904;

    /** An Excel serial day number in a date column (a date cell without a date format). */
    private String excelDate(BigDecimal serial) {
        if (serial.signum() <= 0 || serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
            return serial.toPlainString();
        }
        return (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH).plusDays(serial.longValue()).toString();
    }

    private static Iterator<RawRow> csvRows(Iterator<List<String>> records) {
        return new Iterator<>() {
            int number;

            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public RawRow next() {
                return new RawRow(++number, new ArrayList<>(records.next()));
            }
        };
    }

    private ReadableWorkbook open() {
        try {
            return new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new FileRejected("import.file.not-xlsx");
        }
    }

    /** The first sheet whose first rows hold the headers; the first sheet when none does. */
    private static Sheet headerSheet(ReadableWorkbook workbook) {
        List<Sheet> sheets;
        try {
            sheets = workbook.getSheets().toList();
        } catch (RuntimeException e) {
            throw new FileRejected("import.file.not-xlsx");
        }
        if (sheets.isEmpty()) {
            throw new FileRejected("import.file.not-xlsx");
        }
        for (var sheet : sheets) {
            try (var rows = sheet.openStream()) {
                var found = rows.limit(HEADER_SEARCH).anyMatch(r -> columns(raw(r)).size() >= HEADER_MIN);
                if (found) {
                    return sheet;
                }
            } catch (IOException | RuntimeException e) {
                throw new FileRejected("import.file.not-xlsx");
            }
        }
        return sheets.get(0);
    }

    /** Reading errors of the workbook become "not an Excel file"; errors of the caller pass through. */
    private Iterator<RawRow> xlsxRows(Stream<Row> rows, boolean date1904) {
        this.date1904 = date1904;
        var it = rows.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (RuntimeException e) {
                    throw new FileRejected("import.file.not-xlsx");
                }
            }

            @Override
            public RawRow next() {
                try {
                    return raw(it.next());
                } catch (RuntimeException e) {
                    throw new FileRejected("import.file.not-xlsx");
                }
            }
        };
    }

    private static RawRow raw(Row row) {
        var cells = new ArrayList<Object>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            var cell = row.getCell(i);
            cells.add(cell == null ? "" : value(cell));
        }
        return new RawRow(row.getRowNum(), cells);
    }

    private static Object value(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER -> isDateFormat(cell) ? cell.asDate().toLocalDate() : cell.asNumber();
            case STRING -> cell.asString();
            case EMPTY -> "";
            default -> {
                var raw = cell.getRawValue();
                yield raw == null ? "" : raw;
            }
        };
    }

    private static boolean isDateFormat(Cell cell) {
        var id = cell.getDataFormatId();
        if (id != null && DATE_FORMAT_IDS.contains(id)) {
            return true;
        }
        var format = cell.getDataFormatString();
        if (format == null || format.equalsIgnoreCase("general")) {
            return false;
        }
        var bare = FORMAT_LITERALS.matcher(format).replaceAll("").toLowerCase();
        return bare.contains("y") || bare.contains("d") || format.contains("年") || format.contains("日");
    }
}
