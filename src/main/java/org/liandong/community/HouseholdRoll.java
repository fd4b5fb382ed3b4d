package org.liandong.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Households as other modules need them for distributions: where they are (community, building group, flat)
 * and which vulnerability tags their current members carry. No names, no personal data.
 */
@Service
public class HouseholdRoll {

    /** One household: its building group's position in the community (by name, from 0) orders pickup slots. */
    public record Entry(UUID householdId, String communityId, UUID buildingGroupId, String buildingGroup,
                        int buildingGroupIndex, String building, String room, Set<VulnerabilityKind> tags) {

        public String address() {
            return building + " " + room;
        }
    }

    private static final String SELECT = """
            select h.id, h.community_id, bg.id bg_id, bg.name bg_name, b.name building, h.room,
                   (select count(*) from building_group o where o.community_id = bg.community_id and o.name < bg.name) bg_index
            from household h join building b on b.id = h.building_id join building_group bg on bg.id = b.building_group_id
            """;

    private final JdbcClient jdbc;

    HouseholdRoll(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> household(UUID householdId) {
        var entry = jdbc.sql(SELECT + " where h.id = :id").param("id", householdId).query(this::entry).optional();
        return entry.map(e -> {
            var tags = java.util.EnumSet.noneOf(VulnerabilityKind.class);
            jdbc.sql("""
                    select v.kind from vulnerability v join resident r on r.id = v.resident_id
                    where r.household_id = :h and r.moved_out is null""").param("h", householdId)
                    .query(String.class).list().forEach(k -> tags.add(VulnerabilityKind.valueOf(k)));
            return new Entry(e.householdId(), e.communityId(), e.buildingGroupId(), e.buildingGroup(),
                    e.buildingGroupIndex(), e.building(), e.room(), Set.copyOf(tags));
        });
    }

    /** Every household of the communities, ordered by community, building group and flat. */
    public List<Entry> households(List<String> communityIds) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        var rows = jdbc.sql(SELECT + " where h.community_id in (:c) order by h.community_id, bg.name, b.name, h.room")
                .param("c", communityIds).query(this::entry).list();
        return withTags(rows);
    }

    /** Building groups of a community, by name: id → name. */
    public Map<UUID, String> buildingGroups(String communityId) {
        var groups = new LinkedHashMap<UUID, String>();
        jdbc.sql("select id, name from building_group where community_id = :c order by name").param("c", communityId)
                .query((rs, n) -> groups.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return groups;
    }

    private List<Entry> withTags(List<Entry> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var communities = rows.stream().map(Entry::communityId).distinct().toList();
        var tags = new HashMap<UUID, Set<VulnerabilityKind>>();
        jdbc.sql("""
                select r.household_id, v.kind from vulnerability v join resident r on r.id = v.resident_id
                where v.community_id in (:c) and r.moved_out is null""").param("c", communities)
                .query((rs, n) -> tags.computeIfAbsent(rs.getObject(1, UUID.class),
                        k -> java.util.EnumSet.noneOf(VulnerabilityKind.class))
                        .add(VulnerabilityKind.valueOf(rs.getString(2)))).list();
        var out = new ArrayList<Entry>(rows.size());
        for (var e : rows) {
            out.add(new Entry(e.householdId(), e.communityId(), e.buildingGroupId(), e.buildingGroup(),
                    e.buildingGroupIndex(), e.building(), e.room(), Set.copyOf(tags.getOrDefault(e.householdId(),
                    Set.of()))));
        }
        return out;
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getString("community_id"), rs.getObject("bg_id", UUID.class),
                rs.getString("bg_name"), rs.getInt("bg_index"), rs.getString("building"), rs.getString("room"), Set.of());
    }
}
