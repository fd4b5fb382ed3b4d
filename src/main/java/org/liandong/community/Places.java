package org.liandong.community;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the places: streets, communities and the buildings inside them. */
@Service
public class Places {

    public record StreetView(String id, String name, String districtName, String city) {
    }

    public record CommunityView(String id, String name, String streetId, String streetName, String districtName,
                                Stage stage, @Nullable String stageReason) {
    }

    public record BuildingView(String id, String name, String address, String buildingGroup, String grid) {
    }

    private static final String COMMUNITY_SELECT = """
            select c.id, c.name, c.street_id, s.name street_name, d.name district_name, c.stage, c.stage_reason
            from community c join street s on s.id = c.street_id join district d on d.id = s.district_id""";

    private final JdbcClient jdbc;

    Places(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasDistrict(String id) {
        return jdbc.sql("select count(*) from district where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    public List<StreetView> streets() {
        return jdbc.sql("""
                select s.id, s.name, d.name district_name, d.city from street s join district d on d.id = s.district_id
                order by s.id""").query(StreetView.class).list();
    }

    public Optional<StreetView> street(String id) {
        return jdbc.sql("""
                select s.id, s.name, d.name district_name, d.city from street s join district d on d.id = s.district_id
                where s.id = :id""").param("id", id).query(StreetView.class).optional();
    }

    public List<String> communityIdsOfStreet(String streetId) {
        return jdbc.sql("select id from community where street_id = :street order by id")
                .param("street", streetId).query(String.class).list();
    }

    public Optional<CommunityView> community(String id) {
        return jdbc.sql(COMMUNITY_SELECT + " where c.id = :id").param("id", id).query(this::mapCommunity).optional();
    }

    public List<CommunityView> communities(AccessScope scope) {
        if (scope.everything()) {
            return jdbc.sql(COMMUNITY_SELECT + " order by c.id").query(this::mapCommunity).list();
        }
        if (scope.communityIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COMMUNITY_SELECT + " where c.id in (:ids) order by c.id")
                .param("ids", scope.communityIds()).query(this::mapCommunity).list();
    }

    public List<BuildingView> buildings(String communityId) {
        return jdbc.sql("""
                select b.id, b.name, b.address, bg.name building_group, g.name grid
                from building b join building_group bg on bg.id = b.building_group_id join grid g on g.id = bg.grid_id
                where b.community_id = :c order by bg.name, b.name""")
                .param("c", communityId)
                .query((rs, n) -> new BuildingView(rs.getString("id"), rs.getString("name"), rs.getString("address"),
                        rs.getString("building_group"), rs.getString("grid"))).list();
    }

    public List<String> buildingGroupNames(String communityId) {
        return jdbc.sql("select name from building_group where community_id = :c order by name")
                .param("c", communityId).query(String.class).list();
    }

    private CommunityView mapCommunity(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CommunityView(rs.getString("id"), rs.getString("name"), rs.getString("street_id"),
                rs.getString("street_name"), rs.getString("district_name"), Stage.valueOf(rs.getString("stage")),
                rs.getString("stage_reason"));
    }
}
