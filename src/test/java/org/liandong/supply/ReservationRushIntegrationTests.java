package org.liandong.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.community.RegistryWriter;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every household of a community hits "reserve" at the same moment, most of them twice (a double tap and a
 * retry): stock is exactly used up, never below zero, no household holds two reservations, and every
 * reservation the service acknowledged is in the database. Runs on H2 and on PostgreSQL.
 */
@LiandongTest
class ReservationRushIntegrationTests {

    static final int HOUSEHOLDS = 400;
    static final int QUOTA = 5;
    static final int STOCK = HOUSEHOLDS * 60 / 100 * QUOTA; // stock for 60 %

    @Autowired Fixtures fixtures;
    @Autowired RegistryWriter registry;
    @Autowired TransactionTemplate tx;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired SupplyDesk desk;
    @Autowired ReservationBook book;

    @Test
    void hundredsOfConcurrentReserversNeitherOversellNorDouble() throws Exception {
        var street = fixtures.street();
        var community = street.a();
        var households = new ArrayList<RegistryWriter.NewHousehold>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            households.add(new RegistryWriter.NewHousehold(UUID.randomUUID(), community.id(),
                    community.buildings().get(i % community.buildings().size()), "R" + (1000 + i)));
        }
        tx.executeWithoutResult(s -> registry.households(households));
        var staff = (LiandongUser) users.loadUserByUsername(community.staffUsername());
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        var round = desk.open(staff, new SupplyDesk.NewRound(null, community.id(), "口罩", "个", QUOTA, STOCK, "ALL",
                now.minusMinutes(1), now.plusHours(1), "居委会", now, 30, false));

        var acknowledged = new ConcurrentHashMap<UUID, UUID>(); // household -> reservation
        var conflicting = new AtomicInteger();
        var soldOut = ConcurrentHashMap.<UUID>newKeySet();
        var failures = new AtomicInteger();
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Runnable>();
        for (var h : households) {
            var resident = new HouseholdResident(h.id());
            var token = UUID.randomUUID().toString();
            for (int tap = 0; tap < 2; tap++) {
                var thisToken = tap == 0 ? token : token + "-retry";
                tasks.add(() -> {
                    try {
                        start.await();
                        var r = desk.reserve(resident, round.id(), thisToken);
                        var earlier = acknowledged.putIfAbsent(h.id(), r.id());
                        if (earlier != null && !earlier.equals(r.id())) {
                            conflicting.incrementAndGet();
                        }
                    } catch (InvalidValueException e) {
                        if (e.messageKey().equals("supply.reserve.sold-out")) {
                            soldOut.add(h.id());
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        e.printStackTrace();
                    }
                });
            }
        }
        java.util.Collections.shuffle(tasks);
        try (var pool = Executors.newFixedThreadPool(200)) {
            tasks.forEach(pool::submit);
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(failures.get()).as("unexpected failures").isZero();
        assertThat(book.largestBatch()).as("reservations committed together (group commit)").isGreaterThan(1);
        assertThat(conflicting.get()).as("a household told two different reservations").isZero();
        var rows = jdbc.sql("select household_id, id from supply_reservation where round_id = :r")
                .param("r", round.id()).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class))).list();
        assertThat(rows).hasSize(STOCK / QUOTA);
        assertThat(rows.stream().map(Map.Entry::getKey).distinct().count()).isEqualTo(rows.size());
        // every acknowledgement is in the database, with the id the household was given
        var stored = new java.util.HashMap<UUID, UUID>();
        rows.forEach(e -> stored.put(e.getKey(), e.getValue()));
        assertThat(stored).containsAllEntriesOf(acknowledged);
        assertThat(acknowledged).hasSize(rows.size());
        // households that got nothing were told "sold out"
        soldOut.removeAll(acknowledged.keySet());
        assertThat(soldOut).hasSize(HOUSEHOLDS - rows.size());
        List<Integer> shards = jdbc.sql("select remaining from supply_stock_shard where round_id = :r")
                .param("r", round.id()).query(Integer.class).list();
        assertThat(shards).allSatisfy(remaining -> assertThat(remaining).isGreaterThanOrEqualTo(0));
        assertThat(shards.stream().mapToInt(Integer::intValue).sum()).isZero();
    }
}
