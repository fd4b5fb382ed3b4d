package org.liandong.community;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Adds places to the registry: districts, streets and communities by their statistical codes, then the
 * grids, building groups and buildings a committee draws inside its community.
 */
@Service
public class PlaceWriter {

    private final JdbcClient jdbc;

    PlaceWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void district(String code, String name, String city) {
        jdbc.sql("insert into district (id, name, city) values (:id, :name, :city)")
                .param("id", code).param("name", name).param("city", city).update();
    }

    public void street(String code, String districtCode, String name) {
        jdbc.sql("insert into street (id, district_id, name) values (:id, :d, :name)")
                .param("id", code).param("d", districtCode).param("name", name).update();
    }

    /** A new community starts in "prepare", the stage of normal times. */
    public void community(String code, String streetCode, String name, String kind) {
        jdbc.sql("insert into community (id, street_id, name, kind, stage) values (:id, :s, :name, :kind, 'PREPARE')")
                .param("id", code).param("s", streetCode).param("name", name).param("kind", kind).update();
    }

    public UUID grid(String communityCode, String name) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into grid (id, community_id, name) values (:id, :c, :name)")
                .param("id", id).param("c", communityCode).param("name", name).update();
        return id;
    }

    public UUID buildingGroup(String communityCode, UUID gridId, String name) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into building_group (id, community_id, grid_id, name) values (:id, :c, :g, :name)")
                .param("id", id).param("c", communityCode).param("g", gridId).param("name", name).update();
        return id;
    }

    public UUID building(String communityCode, UUID buildingGroupId, String name, String address) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into building (id, community_id, building_group_id, name, address)
                values (:id, :c, :bg, :name, :address)""")
                .param("id", id).param("c", communityCode).param("bg", buildingGroupId).param("name", name)
                .param("address", address).update();
        return id;
    }
}
