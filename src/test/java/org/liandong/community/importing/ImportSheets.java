package org.liandong.community.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.liandong.Fixtures;
import org.liandong.platform.ChineseIdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registry sheets for tests: rows in template column order, written as CSV in any charset. */
final class ImportSheets {

    private ImportSheets() {
    }

    /** A row with every column of the template, for a person whose ID number gives birth date and sex. */
    static List<String> person(String building, String room, String name, ChineseIdNumber id, String relation) {
        return new ArrayList<>(List.of(building, room, name, id.male() ? "男" : "女", id.birthDate().toString(),
                id.value(), "", relation, "户籍", "", "", "", ""));
    }

    /** {@code households} households of a head and a spouse, in rooms 801, 802, … of the given buildings. */
    static List<List<String>> households(List<String> buildings, int households, String namePrefix,
                                         List<ChineseIdNumber> ids) {
        var rows = new ArrayList<List<String>>();
        for (int h = 0; h < households; h++) {
            var building = buildings.get(h % buildings.size());
            var room = String.valueOf(801 + h);
            var head = Fixtures.nextIdNumber();
            var spouse = Fixtures.nextIdNumber();
            ids.add(head);
            ids.add(spouse);
            rows.add(person(building, room, namePrefix + h + "甲", head, "户主"));
            rows.add(person(building, room, namePrefix + h + "乙", spouse, "配偶"));
        }
        return rows;
    }

    static String csvText(List<List<String>> rows) {
        var out = new StringBuilder(String.join(",", ImportTemplate.headers())).append("\r\n");
        for (var row : rows) {
            out.append(String.join(",", row.stream().map(ImportTemplate::csvCell).toList())).append("\r\n");
        }
        return out.toString();
    }

    static byte[] csv(List<List<String>> rows) {
        return csv(rows, StandardCharsets.UTF_8);
    }

    static byte[] csv(List<List<String>> rows, Charset charset) {
        return csvText(rows).getBytes(charset);
    }

    static byte[] csvWithHeader(String header, String... lines) {
        return (header + "\r\n" + String.join("\r\n", Arrays.asList(lines)) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static long residents(JdbcClient jdbc, String communityId) {
        return jdbc.sql("select count(*) from resident where community_id = :c").param("c", communityId)
                .query(Long.class).single();
    }

    static long allResidents(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from resident").query(Long.class).single();
    }

    static String status(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select status from registry_import where id = :id").param("id", id).query(String.class)
                .single();
    }

    /** Waits for a check or commit running in the background to end, and returns its status. */
    static String awaitFinished(JdbcClient jdbc, UUID id) throws InterruptedException {
        var end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            var status = status(jdbc, id);
            if (!status.equals("VALIDATING") && !status.equals("COMMITTING")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " still running");
    }

    static UUID idFromRedirect(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }
}
