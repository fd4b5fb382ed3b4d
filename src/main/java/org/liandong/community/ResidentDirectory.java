package org.liandong.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.Masked;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds residents: by name, phone, ID number or its last four characters, address, vulnerability tag,
 * building group, or "vulnerable with nobody caring for them". Always limited to the viewer's scope.
 */
@Service
public class ResidentDirectory {

    /** What staff type into the search box and the filters beside it. */
    public record Query(@Nullable String text, @Nullable String communityId, @Nullable String buildingGroup,
                        @Nullable VulnerabilityKind tag, boolean vulnerableOnly, boolean withoutCarer) {

        public static Query all() {
            return new Query(null, null, null, null, false, false);
        }

        /**
         * The filters as URL query parameters, no leading '?': encoded for links, or as typed for the audit
         * log. One place, so pages and exports always agree on the parameter names.
         */
        public String queryString(boolean encoded) {
            var b = org.springframework.web.util.UriComponentsBuilder.newInstance();
            if (text != null && !text.isBlank()) {
                b.queryParam("q", text);
            }
            if (communityId != null && !communityId.isBlank()) {
                b.queryParam("community", communityId);
            }
            if (buildingGroup != null && !buildingGroup.isBlank()) {
                b.queryParam("buildingGroup", buildingGroup);
            }
            if (tag != null) {
                b.queryParam("tag", tag.code());
            }
            if (vulnerableOnly) {
                b.queryParam("vulnerable", true);
            }
            if (withoutCarer) {
                b.queryParam("withoutCarer", true);
            }
            var s = (encoded ? b.encode().build() : b.build()).toUriString();
            return s.startsWith("?") ? s.substring(1) : s;
        }
    }

    public record Row(UUID id, String communityId, String communityName, UUID householdId, String buildingGroup,
                      String building, String room, String name, String sex, int age, String maskedPhone,
                      String maskedIdNumber, String relation, String residence, List<VulnerabilityKind> tags,
                      int carers) {
    }

    public record Page(List<Row> rows, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ResidentDirectory(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Page search(AccessScope scope, Query query, int page, int size) {
        var where = new StringBuilder(" where r.moved_out is null");
        var params = new HashMap<String, Object>();
        if (!where(scope, query, where, params)) {
            return new Page(List.of(), page, size, 0);
        }
        var from = """
                 from resident r join household h on h.id = r.household_id join building b on b.id = h.building_id
                 join building_group bg on bg.id = b.building_group_id join community c on c.id = r.community_id""";
        long total = bind(jdbc.sql("select count(*)" + from + where), params).query(Long.class).single();
        var rows = bind(jdbc.sql("""
                select r.id, r.community_id, c.name community_name, r.household_id, bg.name building_group,
                       b.name building, h.room, r.name, r.sex, r.birth_date, r.phone, r.id_number_cipher, r.relation,
                       r.residence,
                       (select count(*) from carer_link l where l.dependant_id = r.id) carers
                """ + from + where + " order by c.id, bg.name, b.name, h.room, r.relation, r.name limit :limit offset :offset"),
                params).param("limit", size).param("offset", (long) Math.max(0, page) * size).query(this::row).list();
        return new Page(withTags(rows), page, size, total);
    }

    /** Streams every matching resident, for the export; rows come in registry order. */
    public void forEach(AccessScope scope, Query query, Consumer<Row> sink) {
        int size = 2000;
        for (int page = 0; ; page++) {
            var rows = search(scope, query, page, size).rows();
            rows.forEach(sink);
            if (rows.size() < size) {
                return;
            }
        }
    }

    private boolean where(AccessScope scope, Query query, StringBuilder where, Map<String, Object> params) {
        if (query.communityId() != null && !query.communityId().isBlank()) {
            if (!scope.covers(query.communityId())) {
                return false;
            }
            where.append(" and r.community_id = :community");
            params.put("community", query.communityId());
        } else if (!scope.everything()) {
            if (scope.communityIds().isEmpty()) {
                return false;
            }
            where.append(" and r.community_id in (:scope)");
            params.put("scope", scope.communityIds());
        }
        var text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            textCondition(text, where, params);
        }
        if (query.buildingGroup() != null && !query.buildingGroup().isBlank()) {
            where.append(" and bg.name = :bg");
            params.put("bg", query.buildingGroup());
        }
        if (query.tag() != null) {
            where.append(" and exists (select 1 from vulnerability v where v.resident_id = r.id and v.kind = :tag)");
            params.put("tag", query.tag().name());
        } else if (query.vulnerableOnly() || query.withoutCarer()) {
            where.append(" and exists (select 1 from vulnerability v where v.resident_id = r.id)");
        }
        if (query.withoutCarer()) {
            where.append(" and not exists (select 1 from carer_link l where l.dependant_id = r.id)");
        }
        return true;
    }

    private void textCondition(String text, StringBuilder where, Map<String, Object> params) {
        var idNumber = ChineseIdNumber.normalise(text);
        if (ChineseIdNumber.check(idNumber, LocalDate.now(clock)) == null) {
            where.append(" and r.id_number_hash = :hash");
            params.put("hash", cipher.blindIndex(idNumber));
        } else if (PhoneNumber.isValid(text)) {
            where.append(" and r.phone = :phone");
            params.put("phone", PhoneNumber.normalise(text));
        } else if (idNumber.matches("\\d{3}[\\dX]")) {
            // four characters: the tail of an ID number, or the last digits of a phone
            where.append(" and (r.id_number_tail = :tail or r.phone like :phoneTail)");
            params.put("tail", idNumber);
            params.put("phoneTail", "%" + idNumber);
        } else {
            // a name, or an address such as "12号楼 301"
            var words = Arrays.stream(text.split("\\s+")).filter(w -> !w.isBlank()).limit(4).toList();
            for (int i = 0; i < words.size(); i++) {
                var key = "w" + i;
                where.append(" and (r.name like :").append(key).append(" or b.name like :").append(key)
                        .append(" or b.address like :").append(key).append(" or h.room = :").append(key)
                        .append("exact or bg.name like :").append(key).append(")");
                params.put(key, "%" + escapeLike(words.get(i)) + "%");
                params.put(key + "exact", words.get(i));
            }
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        var birth = rs.getDate("birth_date").toLocalDate();
        var phone = rs.getString("phone");
        return new Row(rs.getObject("id", UUID.class), rs.getString("community_id"), rs.getString("community_name"),
                rs.getObject("household_id", UUID.class), rs.getString("building_group"), rs.getString("building"),
                rs.getString("room"), rs.getString("name"), rs.getString("sex"),
                Period.between(birth, LocalDate.now(clock)).getYears(), phone == null ? "" : Masked.phone(phone),
                Masked.idNumber(cipher.decrypt(rs.getString("id_number_cipher"))), rs.getString("relation"),
                rs.getString("residence"), List.of(), rs.getInt("carers"));
    }

    private List<Row> withTags(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var tags = jdbc.sql("select resident_id, kind from vulnerability where resident_id in (:ids)")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject("resident_id", UUID.class),
                        VulnerabilityKind.valueOf(rs.getString("kind"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        var out = new ArrayList<Row>(rows.size());
        for (var r : rows) {
            var t = tags.getOrDefault(r.id(), List.of()).stream().sorted().toList();
            out.add(new Row(r.id(), r.communityId(), r.communityName(), r.householdId(), r.buildingGroup(),
                    r.building(), r.room(), r.name(), r.sex(), r.age(), r.maskedPhone(), r.maskedIdNumber(),
                    r.relation(), r.residence(), t, r.carers()));
        }
        return out;
    }
}
