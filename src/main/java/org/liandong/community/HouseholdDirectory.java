package org.liandong.community;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Households as other modules address them: who lives in a community, a building group or with a
 * vulnerable member (to send them a notice), and how many households each level of place holds (so a
 * case notice can name a place only when it covers enough households). Callers check scope themselves.
 */
@Service
public class HouseholdDirectory {

    public record BuildingGroupView(UUID id, String communityId, String name, String grid) {
    }

    /** A building and the places above it, each with its number of households. */
    public record PlaceCounts(UUID buildingId, String communityId, String building, long buildingHouseholds,
                              UUID buildingGroupId, String buildingGroup, long buildingGroupHouseholds, UUID gridId,
                              String grid, long gridHouseholds, String community, long communityHouseholds) {
    }

    private final JdbcClient jdbc;

    HouseholdDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UUID> ofCommunities(Collection<String> communityIds) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from household where community_id in (:c) order by id").param("c", communityIds)
                .query(UUID.class).list();
    }

    public List<UUID> ofBuildingGroup(UUID buildingGroupId) {
        return jdbc.sql("""
                select h.id from household h join building b on b.id = h.building_id
                where b.building_group_id = :g order by h.id""").param("g", buildingGroupId).query(UUID.class).list();
    }

    /** Households with at least one member (not moved out) tagged with this vulnerability. */
    public List<UUID> withVulnerability(Collection<String> communityIds, VulnerabilityKind kind) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct r.household_id from vulnerability v join resident r on r.id = v.resident_id
                where v.community_id in (:c) and v.kind = :k and r.moved_out is null order by r.household_id""")
                .param("c", communityIds).param("k", kind.name()).query(UUID.class).list();
    }

    public List<BuildingGroupView> buildingGroups(String communityId) {
        return jdbc.sql("""
                select bg.id, bg.community_id, bg.name, g.name grid from building_group bg join grid g on g.id = bg.grid_id
                where bg.community_id = :c order by bg.name""").param("c", communityId)
                .query((rs, n) -> new BuildingGroupView(rs.getObject("id", UUID.class), rs.getString("community_id"),
                        rs.getString("name"), rs.getString("grid"))).list();
    }

    public Optional<BuildingGroupView> buildingGroup(UUID id) {
        return jdbc.sql("""
                select bg.id, bg.community_id, bg.name, g.name grid from building_group bg join grid g on g.id = bg.grid_id
                where bg.id = :id""").param("id", id)
                .query((rs, n) -> new BuildingGroupView(rs.getObject("id", UUID.class), rs.getString("community_id"),
                        rs.getString("name"), rs.getString("grid"))).optional();
    }

    public Optional<UUID> buildingGroupOfHousehold(UUID householdId) {
        return jdbc.sql("select b.building_group_id from household h join building b on b.id = h.building_id where h.id = :h")
                .param("h", householdId).query(UUID.class).optional();
    }

    /** The names of the residents of a community (not moved out), e.g. to keep them out of an anonymous text. */
    public List<String> residentNames(String communityId) {
        return jdbc.sql("select distinct name from resident where community_id = :c and moved_out is null")
                .param("c", communityId).query(String.class).list();
    }

    /** The building and the places above it with their household counts, for the k-anonymity rule. */
    public Optional<PlaceCounts> countsAround(UUID buildingId) {
        return jdbc.sql("""
                select b.id, b.community_id, b.name building, bg.id group_id, bg.name building_group, g.id grid_id,
                       g.name grid, c.name community,
                       (select count(*) from household h where h.building_id = b.id) in_building,
                       (select count(*) from household h join building b2 on b2.id = h.building_id
                         where b2.building_group_id = bg.id) in_group,
                       (select count(*) from household h join building b3 on b3.id = h.building_id
                         join building_group bg3 on bg3.id = b3.building_group_id where bg3.grid_id = g.id) in_grid,
                       (select count(*) from household h where h.community_id = c.id) in_community
                from building b join building_group bg on bg.id = b.building_group_id join grid g on g.id = bg.grid_id
                join community c on c.id = b.community_id where b.id = :b""").param("b", buildingId)
                .query((rs, n) -> new PlaceCounts(rs.getObject("id", UUID.class), rs.getString("community_id"),
                        rs.getString("building"), rs.getLong("in_building"), rs.getObject("group_id", UUID.class),
                        rs.getString("building_group"), rs.getLong("in_group"), rs.getObject("grid_id", UUID.class),
                        rs.getString("grid"), rs.getLong("in_grid"), rs.getString("community"),
                        rs.getLong("in_community"))).optional();
    }
}
