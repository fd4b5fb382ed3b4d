package org.liandong.supply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.liandong.community.HouseholdRoll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The households of a community as reservations need them (building group, slot index, flat, tags), read once and
 * refreshed in the background every {@link #FRESH_NANOS}, so that a rush on a community's round does not ask the
 * registry twice per tap. A household not in the copy (new, or of another community) is looked up directly. A change
 * in the registry reaches reservations within the refresh interval.
 */
final class RollCache {

    private static final Logger log = LoggerFactory.getLogger(RollCache.class);
    static final long FRESH_NANOS = 30_000_000_000L;
    private static final int MAX_COMMUNITIES = 50;

    private record Snapshot(long loadedAt, Map<UUID, HouseholdRoll.Entry> households) {
    }

    private final HouseholdRoll roll;
    private final Map<String, Snapshot> byCommunity = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> loading = new ConcurrentHashMap<>();

    RollCache(HouseholdRoll roll) {
        this.roll = roll;
    }

    Optional<HouseholdRoll.Entry> household(UUID householdId, String communityId) {
        var snapshot = byCommunity.get(communityId);
        if (snapshot == null || System.nanoTime() - snapshot.loadedAt() > FRESH_NANOS) {
            refreshLater(communityId);
        }
        if (snapshot != null && System.nanoTime() - snapshot.loadedAt() < 2 * FRESH_NANOS) {
            var entry = snapshot.households().get(householdId);
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return roll.household(householdId);
    }

    private void refreshLater(String communityId) {
        var flag = loading.computeIfAbsent(communityId, c -> new AtomicBoolean());
        if (!flag.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                var copy = new HashMap<UUID, HouseholdRoll.Entry>();
                roll.households(List.of(communityId)).forEach(e -> copy.put(e.householdId(), e));
                if (byCommunity.size() >= MAX_COMMUNITIES) {
                    byCommunity.clear();
                }
                byCommunity.put(communityId, new Snapshot(System.nanoTime(), Map.copyOf(copy)));
            } catch (RuntimeException e) {
                log.warn("could not read the households of {}; asking the registry per household", communityId, e);
            } finally {
                flag.set(false);
            }
        });
    }
}
