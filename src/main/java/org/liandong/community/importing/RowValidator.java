package org.liandong.community.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.PhoneNumber;

/**
 * Checks one row on its own: required cells, lengths, formats, the GB 11643 ID number and whether birth
 * date and sex agree with it, the building, and the words for relation, residence and vulnerabilities.
 * Checks across rows (duplicates, heads of household, the registry) are {@link ImportPass}'s.
 */
final class RowValidator {

    static final int NAME_MAX = 50;
    static final int ROOM_MAX = 20;
    static final int NEEDS_MAX = 500;
    static final int GRADE_MAX = 20;
    static final int WORDS_MAX = 200;

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern LIST = Pattern.compile("[；;、]");

    /** What a valid row becomes. */
    record Entry(UUID buildingId, String room, String name, char sex, LocalDate birthDate, ChineseIdNumber idNumber,
                 @Nullable String phone, Relation relation, Residence residence, @Nullable LocalDate movedIn,
                 Set<VulnerabilityKind> vulnerabilities, @Nullable String disabilityGrade, @Nullable String needs) {
    }

    /**
     * The outcome for one row: its problems, what could be read for the checks across rows, and the entry
     * when there is no problem.
     */
    record Checked(int row, List<RowProblem> problems, @Nullable ChineseIdNumber idNumber,
                   @Nullable UUID buildingId, String room, @Nullable Relation relation, @Nullable Entry entry) {
    }

    private final Map<String, UUID> buildings;
    private final VulnerabilityWords words;
    private final LocalDate today;

    /** @param buildings the community's buildings by name */
    RowValidator(Map<String, UUID> buildings, VulnerabilityWords words, LocalDate today) {
        this.buildings = buildings;
        this.words = words;
        this.today = today;
    }

    Checked check(ImportRow row) {
        var problems = new ArrayList<RowProblem>();
        var n = row.number();

        var buildingId = building(row, problems);
        var room = Text.halfWidth(row.get(Column.ROOM)).strip();
        if (required(row, Column.ROOM, problems)) {
            text(n, Column.ROOM, room, ROOM_MAX, problems);
        }
        var name = row.get(Column.NAME);
        if (required(row, Column.NAME, problems)) {
            text(n, Column.NAME, name, NAME_MAX, problems);
        }
        var sex = sex(row, problems);
        var birthDate = date(row, Column.BIRTH_DATE, problems);
        var idNumber = idNumber(row, problems);
        if (idNumber != null && birthDate != null && !idNumber.birthDate().equals(birthDate)) {
            problems.add(RowProblem.of(n, Column.BIRTH_DATE, "import.problem.birth-date-mismatch",
                    idNumber.birthDate()));
        }
        if (idNumber != null && sex != 0 && (sex == 'M') != idNumber.male()) {
            problems.add(RowProblem.of(n, Column.SEX, "import.problem.sex-mismatch"));
        }
        var phone = phone(row, problems);
        Relation relation = null;
        if (required(row, Column.RELATION, problems)) {
            relation = Relation.fromText(row.get(Column.RELATION)).orElse(null);
            if (relation == null) {
                problems.add(RowProblem.of(n, Column.RELATION, "import.problem.unknown-relation",
                        Text.quote(row.get(Column.RELATION))));
            }
        }
        var residence = residence(row, problems);
        var movedIn = date(row, Column.MOVED_IN, problems);
        var kinds = vulnerabilities(row, problems);
        var grade = optional(row, Column.DISABILITY_GRADE, GRADE_MAX, problems);
        if (grade != null && !kinds.contains(VulnerabilityKind.DISABILITY)) {
            problems.add(RowProblem.of(n, Column.DISABILITY_GRADE, "import.problem.grade-without-disability"));
        }
        var needs = row.get(Column.NEEDS);
        if (Text.length(needs) > NEEDS_MAX) {
            problems.add(RowProblem.of(n, Column.NEEDS, "import.problem.too-long", NEEDS_MAX));
        } else if (Text.hasControl(needs, true)) {
            problems.add(RowProblem.of(n, Column.NEEDS, "import.problem.control"));
        }

        Entry entry = null;
        if (problems.isEmpty()) {
            entry = new Entry(buildingId, room, name, sex, birthDate, idNumber, phone, relation, residence, movedIn,
                    kinds, grade, needs.isEmpty() ? null : needs);
        }
        return new Checked(n, problems, idNumber, buildingId, room, relation, entry);
    }

    private @Nullable UUID building(ImportRow row, List<RowProblem> problems) {
        if (!required(row, Column.BUILDING, problems)) {
            return null;
        }
        var name = Text.halfWidth(row.get(Column.BUILDING)).strip();
        var id = buildings.get(name);
        if (id == null && name.chars().allMatch(Character::isDigit)) {
            id = buildings.get(name + "号楼"); // "3" for "3号楼", as many sheets write it
        }
        if (id == null) {
            problems.add(RowProblem.of(row.number(), Column.BUILDING, "import.problem.unknown-building",
                    Text.quote(name)));
        }
        return id;
    }

    private static boolean required(ImportRow row, Column column, List<RowProblem> problems) {
        if (row.get(column).isEmpty()) {
            problems.add(RowProblem.of(row.number(), column, "import.problem.required"));
            return false;
        }
        return true;
    }

    private static void text(int n, Column column, String value, int max, List<RowProblem> problems) {
        if (Text.length(value) > max) {
            problems.add(RowProblem.of(n, column, "import.problem.too-long", max));
        }
        if (Text.hasMarkup(value)) {
            problems.add(RowProblem.of(n, column, "import.problem.markup"));
        }
    }

    private static @Nullable String optional(ImportRow row, Column column, int max, List<RowProblem> problems) {
        var value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        text(row.number(), column, value, max, problems);
        return value;
    }

    private static char sex(ImportRow row, List<RowProblem> problems) {
        if (!required(row, Column.SEX, problems)) {
            return 0;
        }
        return switch (Text.halfWidth(row.get(Column.SEX)).strip().toLowerCase(Locale.ROOT)) {
            case "男", "男性", "m", "male" -> 'M';
            case "女", "女性", "f", "female" -> 'F';
            default -> {
                problems.add(RowProblem.of(row.number(), Column.SEX, "import.problem.sex"));
                yield 0;
            }
        };
    }

    private @Nullable LocalDate date(ImportRow row, Column column, List<RowProblem> problems) {
        if (column.required() ? !required(row, column, problems) : row.get(column).isEmpty()) {
            return null;
        }
        var date = parseDate(row.get(column));
        if (date == null) {
            problems.add(RowProblem.of(row.number(), column, "import.problem.date"));
        } else if (date.isAfter(today)) {
            problems.add(RowProblem.of(row.number(), column, "import.problem.date-future"));
            return null;
        }
        return date;
    }

    /** yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyy年M月d日 and yyyyMMdd, with a time of day ignored. */
    static @Nullable LocalDate parseDate(String text) {
        var t = Text.halfWidth(text).strip();
        var m = DATE.matcher(t);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(t);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private @Nullable ChineseIdNumber idNumber(ImportRow row, List<RowProblem> problems) {
        if (!required(row, Column.ID_NUMBER, problems)) {
            return null;
        }
        if (row.isNumber(Column.ID_NUMBER)) {
            // Excel keeps 15 significant digits: an ID number typed into a number cell has lost its end
            problems.add(RowProblem.of(row.number(), Column.ID_NUMBER, "import.problem.id-as-number"));
            return null;
        }
        var normal = ChineseIdNumber.normalise(Text.halfWidth(row.get(Column.ID_NUMBER)));
        var problem = ChineseIdNumber.check(normal, today);
        if (problem != null) {
            problems.add(RowProblem.of(row.number(), Column.ID_NUMBER,
                    "id.error." + problem.name().toLowerCase(Locale.ROOT)));
            return null;
        }
        return new ChineseIdNumber(normal);
    }

    private static @Nullable String phone(ImportRow row, List<RowProblem> problems) {
        var text = Text.halfWidth(row.get(Column.PHONE));
        if (text.isBlank()) {
            return null;
        }
        if (!PhoneNumber.isValid(text)) {
            problems.add(RowProblem.of(row.number(), Column.PHONE, "phone.error.format"));
            return null;
        }
        return PhoneNumber.normalise(text);
    }

    private static Residence residence(ImportRow row, List<RowProblem> problems) {
        var text = row.get(Column.RESIDENCE);
        if (text.isEmpty()) {
            return Residence.REGISTERED;
        }
        return Residence.fromText(text).orElseGet(() -> {
            problems.add(RowProblem.of(row.number(), Column.RESIDENCE, "import.problem.unknown-residence",
                    Text.quote(text)));
            return Residence.REGISTERED;
        });
    }

    private Set<VulnerabilityKind> vulnerabilities(ImportRow row, List<RowProblem> problems) {
        var kinds = EnumSet.noneOf(VulnerabilityKind.class);
        var text = row.get(Column.VULNERABILITIES);
        if (text.isEmpty()) {
            return kinds;
        }
        if (Text.length(text) > WORDS_MAX) {
            problems.add(RowProblem.of(row.number(), Column.VULNERABILITIES, "import.problem.too-long", WORDS_MAX));
            return kinds;
        }
        for (var word : LIST.split(text)) {
            if (word.isBlank()) {
                continue;
            }
            var kind = words.find(word.strip());
            if (kind.isPresent()) {
                kinds.add(kind.get());
            } else {
                problems.add(RowProblem.of(row.number(), Column.VULNERABILITIES,
                        "import.problem.unknown-vulnerability", Text.quote(word.strip())));
            }
        }
        return kinds;
    }
}
