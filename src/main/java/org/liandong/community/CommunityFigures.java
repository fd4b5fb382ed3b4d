package org.liandong.community;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts and facts about a community's people that measuring modules need (resilience indicators): how many live
 * there, who is vulnerable and who has a carer, and, for mutual aid, in which building a household lives and how old
 * its members are. No names, phones or ID numbers leave this class.
 */
@Service
public class CommunityFigures {

    /** A household's building and the birth dates of its current members. */
    public record HouseholdFact(UUID householdId, UUID buildingId, List<LocalDate> birthDates) {
        public HouseholdFact {
            birthDates = List.copyOf(birthDates);
        }
    }

    /** A current resident found by the keyed hash of their ID number: where they live and when they were born. */
    public record ResidentFact(String idNumberHash, UUID residentId, UUID householdId, UUID buildingId,
                               LocalDate birthDate) {
    }

    private final JdbcClient jdbc;

    CommunityFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Residents who have not moved out. */
    public long residents(String communityId) {
        return jdbc.sql("select count(*) from resident where community_id = :c and moved_out is null")
                .param("c", communityId).query(Long.class).single();
    }

    public Set<UUID> households(String communityId) {
        return Set.copyOf(jdbc.sql("select id from household where community_id = :c").param("c", communityId)
                .query(UUID.class).list());
    }

    /** Current residents with any vulnerability tag. */
    public Set<UUID> vulnerableResidents(String communityId) {
        return Set.copyOf(jdbc.sql("""
                select distinct v.resident_id from vulnerability v join resident r on r.id = v.resident_id
                where v.community_id = :c and r.moved_out is null""").param("c", communityId).query(UUID.class).list());
    }

    /** Of those, the ones with at least one named carer or helper. */
    public Set<UUID> vulnerableResidentsWithCarer(String communityId) {
        return Set.copyOf(jdbc.sql("""
                select distinct v.resident_id from vulnerability v join resident r on r.id = v.resident_id
                where v.community_id = :c and r.moved_out is null
                  and exists (select 1 from carer_link l where l.dependant_id = v.resident_id)""")
                .param("c", communityId).query(UUID.class).list());
    }

    public Map<UUID, HouseholdFact> households(Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        var buildings = new HashMap<UUID, UUID>();
        var births = new HashMap<UUID, List<LocalDate>>();
        for (var chunk : chunks(householdIds)) {
            jdbc.sql("select id, building_id from household where id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> buildings.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
            jdbc.sql("select household_id, birth_date from resident where household_id in (:ids) and moved_out is null")
                    .param("ids", chunk)
                    .query((rs, n) -> births.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(rs.getDate(2).toLocalDate())).list();
        }
        return buildings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new HouseholdFact(e.getKey(), e.getValue(), births.getOrDefault(e.getKey(), List.of()))));
    }

    /** Current residents whose ID number has one of these keyed hashes (as other modules store them). */
    public Map<String, ResidentFact> residentsByIdHash(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<String, ResidentFact>();
        for (var chunk : chunks(hashes)) {
            jdbc.sql("""
                    select r.id_number_hash, r.id, r.household_id, h.building_id, r.birth_date
                    from resident r join household h on h.id = r.household_id
                    where r.id_number_hash in (:hashes) and r.moved_out is null""")
                    .param("hashes", chunk)
                    .query((rs, n) -> out.put(rs.getString(1), new ResidentFact(rs.getString(1),
                            rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                            rs.getDate(5).toLocalDate()))).list();
        }
        return out;
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        var list = List.copyOf(all);
        var out = new java.util.ArrayList<List<T>>();
        for (int i = 0; i < list.size(); i += 500) {
            out.add(list.subList(i, Math.min(list.size(), i + 500)));
        }
        return out;
    }
}
