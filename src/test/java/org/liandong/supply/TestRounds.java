package org.liandong.supply;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A first-come-first-served round written straight into the tables, stock spread over 16 shards (no registry). */
final class TestRounds {

    private TestRounds() {
    }

    static UUID insert(JdbcClient jdbc, String street, String community, int quota, int stock) {
        var id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        jdbc.sql("""
                insert into supply_round (id, street_id, community_id, item, unit, quota, stock, eligibility, mode,
                    opens_at, closes_at, pickup_place, pickup_starts, slot_minutes, shards, exempt_delivery,
                    code_secret, created_by, created_at)
                values (:id, :s, :c, '口罩', '个', :q, :stock, 'ALL', 'FCFS', :now, :now, '居委会',
                    :now, 30, 16, false, 'secret', 'test', :now)""")
                .param("id", id).param("s", street).param("c", community).param("q", quota).param("stock", stock)
                .param("now", now).update();
        int units = stock / quota;
        for (int shard = 0; shard < 16; shard++) {
            jdbc.sql("insert into supply_stock_shard (round_id, shard, remaining) values (:r, :s, :q)")
                    .param("r", id).param("s", shard).param("q", (units / 16 + (shard < units % 16 ? 1 : 0)) * quota)
                    .update();
        }
        return id;
    }
}
