package org.liandong.supply;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What measuring modules (resilience indicators) read about supplies: which households reserved in a window. */
@Service
public class SupplyFigures {

    private final JdbcClient jdbc;

    SupplyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Households of the community that reserved in any supply round in [from, to). */
    public Set<UUID> reservingHouseholds(String communityId, Instant from, Instant to) {
        return Set.copyOf(jdbc.sql("""
                select distinct household_id from supply_reservation
                where community_id = :c and reserved_at >= :from and reserved_at < :to""")
                .param("c", communityId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(UUID.class).list());
    }
}
