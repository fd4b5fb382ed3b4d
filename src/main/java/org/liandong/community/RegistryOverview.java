package org.liandong.community;

import java.util.List;
import org.liandong.platform.AccessScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The counts a staff home page starts with, per community in scope. */
@Service
public class RegistryOverview {

    public record CommunityFigures(String id, String name, String streetName, Stage stage, long households,
                                   long residents, long vulnerable, long vulnerableWithoutCarer, long aged80) {
    }

    public record Totals(long households, long residents, long vulnerable, long vulnerableWithoutCarer) {
    }

    private final JdbcClient jdbc;

    RegistryOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CommunityFigures> figures(AccessScope scope) {
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var where = scope.everything() ? "" : " where c.id in (:ids)";
        var spec = jdbc.sql("""
                select c.id, c.name, s.name street_name, c.stage,
                  (select count(*) from household h where h.community_id = c.id) households,
                  (select count(*) from resident r where r.community_id = c.id and r.moved_out is null) residents,
                  (select count(distinct v.resident_id) from vulnerability v where v.community_id = c.id) vulnerable,
                  (select count(distinct v.resident_id) from vulnerability v where v.community_id = c.id
                     and not exists (select 1 from carer_link l where l.dependant_id = v.resident_id)) without_carer,
                  (select count(*) from vulnerability v where v.community_id = c.id and v.kind = 'AGED_80_PLUS') aged80
                from community c join street s on s.id = c.street_id""" + where + " order by c.id");
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query((rs, n) -> new CommunityFigures(rs.getString("id"), rs.getString("name"),
                rs.getString("street_name"), Stage.valueOf(rs.getString("stage")), rs.getLong("households"),
                rs.getLong("residents"), rs.getLong("vulnerable"), rs.getLong("without_carer"),
                rs.getLong("aged80"))).list();
    }

    public static Totals totals(List<CommunityFigures> figures) {
        return new Totals(figures.stream().mapToLong(CommunityFigures::households).sum(),
                figures.stream().mapToLong(CommunityFigures::residents).sum(),
                figures.stream().mapToLong(CommunityFigures::vulnerable).sum(),
                figures.stream().mapToLong(CommunityFigures::vulnerableWithoutCarer).sum());
    }

    /** Residents of one age (whole years) and sex ({@code M} or {@code F}). */
    public record AgeSex(int age, String sex, long residents) {
    }

    /**
     * The people living in a community on a day, counted by age and sex: the registry's margins a survey is
     * weighted to. Counts only, no names and no ids.
     */
    public List<AgeSex> ageSexCounts(String communityId, java.time.LocalDate on) {
        var counts = new java.util.TreeMap<String, long[]>();
        jdbc.sql("""
                select birth_date, sex from resident where community_id = :c
                and (moved_out is null or moved_out > :on) and birth_date <= :on""")
                .param("c", communityId).param("on", java.sql.Date.valueOf(on))
                .query((rs, n) -> {
                    var age = java.time.Period.between(rs.getDate(1).toLocalDate(), on).getYears();
                    counts.computeIfAbsent(String.format("%03d%s", age, rs.getString(2)), k -> new long[1])[0]++;
                    return age;
                }).list();
        return counts.entrySet().stream().map(e -> new AgeSex(Integer.parseInt(e.getKey().substring(0, 3)),
                e.getKey().substring(3), e.getValue()[0])).toList();
    }
}
