package org.liandong.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The default HXL validation rules of libhxl (src/test/resources/hxl/libhxl-default-validation-schema.json),
 * the error-level ones (datatype number, datatype date) and the whitespace check, applied to an HXL CSV.
 */
final class HxlRules {

    private HxlRules() {
    }

    record Rule(List<String> tags, String severity, String datatype, boolean whitespace) {
    }

    static List<Rule> rules() throws IOException {
        try (InputStream in = HxlRules.class.getResourceAsStream("/hxl/libhxl-default-validation-schema.json")) {
            var rules = new ArrayList<Rule>();
            for (var node : new ObjectMapper().readTree(in)) {
                rules.add(new Rule(List.of(node.get("#valid_tag").asText().split(",")),
                        node.get("#valid_severity").asText(),
                        node.has("#valid_datatype") ? node.get("#valid_datatype").asText() : "",
                        node.has("#valid_value+whitespace")));
            }
            return rules;
        }
    }

    /** Whether a column tagged {@code column} (say "#indicator+num+needed") is selected by {@code pattern}. */
    static boolean matches(String pattern, String column) {
        var p = pattern.strip().split("\\+");
        var c = column.strip().split("\\+");
        if (!p[0].equals("#*") && !p[0].equals(c[0])) {
            return false;
        }
        return Set.of(c).containsAll(Arrays.asList(p).subList(1, p.length));
    }

    /** Problems found: "row r, tag: value (why)". */
    static List<String> problems(List<List<String>> table) throws IOException {
        var tags = table.get(1);
        var problems = new ArrayList<String>();
        for (var rule : rules()) {
            for (int col = 0; col < tags.size(); col++) {
                var tag = tags.get(col);
                if (rule.tags().stream().noneMatch(p -> matches(p, tag))) {
                    continue;
                }
                for (int r = 2; r < table.size(); r++) {
                    var value = table.get(r).get(col);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (rule.datatype().equals("number") && !value.matches("-?\\d+(\\.\\d+)?")) {
                        problems.add("row " + r + ", " + tag + ": " + value + " (not a number)");
                    }
                    if (rule.datatype().equals("date") && !isDate(value)) {
                        problems.add("row " + r + ", " + tag + ": " + value + " (not a date)");
                    }
                    if (rule.whitespace() && !value.equals(value.strip().replaceAll("\\s+", " "))) {
                        problems.add("row " + r + ", " + tag + ": '" + value + "' (whitespace)");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A small RFC 4180 reader. */
    static List<List<String>> csv(String text) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
