package org.liandong.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdRoll;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.supply.Deliveries;
import org.liandong.supply.HouseholdResident;
import org.liandong.supply.Ledger;
import org.liandong.supply.LedgerEntry;
import org.liandong.supply.Reservation;
import org.liandong.supply.SupplyDesk;
import org.liandong.supply.SupplyRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Supplies in 张家浜居委会, through the supply module's own services: donations in the street's ledger; a mask round
 * (first come first served) that most households have reserved, some already collected, the vulnerable households
 * on the delivery lists (two delivered); a lottery round for disinfectant whose registration closed and which was
 * drawn (seed revealed, re-runnable); and a lottery round for vegetable packs still open, with its commitment
 * published, that the resident 王丽娟 ({@code 18192540127}) has not registered for yet.
 */
@Component
@Order(30)
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoSupply implements DemoChapter {

    private static final Logger log = LoggerFactory.getLogger(DemoSupply.class);
    static final String MASKS = "医用口罩";
    static final String DISINFECTANT = "消毒液";
    static final String VEGETABLES = "蔬菜包（爱心菜）";
    static final String PLACE = "张家浜居委会活动室";

    private final SupplyDesk desk;
    private final Deliveries deliveries;
    private final Ledger ledger;
    private final HouseholdRoll roll;
    private final Places places;
    private final UserDetailsService users;
    private final Clock clock;

    DemoSupply(SupplyDesk desk, Deliveries deliveries, Ledger ledger, HouseholdRoll roll, Places places,
               UserDetailsService users, Clock clock) {
        this.desk = desk;
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.roll = roll;
        this.places = places;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "supply";
    }

    @Override
    public void load(Divisions divisions, DemoStory story) {
        var community = divisions.communitiesOf(DemoCity.SHANGHAI.streetCode()).getFirst().code();
        var staff = user("staff-fenglin");
        var c = places.community(community);
        if (staff == null || c.isEmpty()) {
            log.warn("Demo supplies: 张家浜居委会 or staff-fenglin missing, nothing loaded");
            return;
        }
        if (desk.rounds(staff.scope()).stream().anyMatch(r -> r.item().equals(MASKS))) {
            return; // already there
        }
        var street = c.get().streetId();
        var households = roll.households(List.of(community));
        var exempt = households.stream().filter(h -> h.tags().stream().anyMatch(SupplyDesk.EXEMPT::contains))
                .map(HouseholdRoll.Entry::householdId).toList();
        var others = households.stream().map(HouseholdRoll.Entry::householdId).filter(h -> !exempt.contains(h))
                .toList();
        var guardian = user(story.guardianPhone());
        var guardianHousehold = guardian == null ? null : guardian.householdId().orElse(null);
        var random = new SplittableRandom(20200202);
        var now = LocalDateTime.now(clock.withZone(SupplyRound.ZONE)).withSecond(0).withNano(0);

        donations(staff, street, community);

        // masks, first come first served: 70 % of the households can have them, most have reserved
        var masks = desk.open(staff, new SupplyDesk.NewRound(null, community, MASKS, "个", 5,
                Math.max(5, households.size() * 70 / 100 * 5), "ALL", now.minusHours(20), now.plusHours(28), PLACE,
                now.minusMinutes(20), 60, true, SupplyRound.FCFS));
        desk.allocateExempt(staff, masks.id());
        var reserving = others.stream().filter(h -> random.nextInt(100) < 60).toList();
        var reserved = registerAll(masks, reserving);
        int handed = 0;
        for (var r : reserved) {
            if (r.status() == Reservation.Status.RESERVED && r.slotStarts().isBefore(clock.instant().plusSeconds(7200))
                    && random.nextInt(100) < 45) {
                desk.handOver(staff, r.id(), r.pickupCode());
                handed++;
            }
        }
        var leader = user("leader");
        int delivered = 0;
        for (var group : deliveries.list(staff, masks.id()).values()) {
            for (var r : group) {
                if (delivered < 2 && !r.householdId().equals(guardianHousehold)) {
                    deliveries.confirm(leader != null && leader.scope().covers(community) ? leader : staff, r.id());
                    delivered++;
                }
            }
        }

        // disinfectant by lottery: registration closed, drawn, the seed public
        var disinfectant = desk.open(staff, new SupplyDesk.NewRound(null, community, DISINFECTANT, "瓶", 1,
                Math.max(1, households.size() * 35 / 100), "ALL", now.minusHours(1), now.plusHours(1), PLACE,
                now.plusHours(2), 60, false, SupplyRound.LOTTERY));
        var entrants = new ArrayList<>(others.stream().filter(h -> random.nextInt(100) < 55).toList());
        if (guardianHousehold != null && !entrants.contains(guardianHousehold)) {
            entrants.add(guardianHousehold);
        }
        registerAll(disinfectant, entrants);
        desk.closeNow(staff, disinfectant.id());
        var drawn = desk.draw(staff, disinfectant.id());

        // vegetable packs by lottery, still open: the commitment is published, 王丽娟 can still register
        var vegetables = desk.open(staff, new SupplyDesk.NewRound(null, community, VEGETABLES, "份", 1,
                Math.max(1, households.size() * 40 / 100), "ALL", now.minusHours(3), now.plusDays(2), PLACE,
                now.plusDays(2).plusHours(2), 60, true, SupplyRound.LOTTERY));
        registerAll(vegetables, others.stream().filter(h -> !h.equals(guardianHousehold) && random.nextInt(100) < 25)
                .toList());
        log.info("Demo supplies: {} households reserved masks ({} collected, {} to deliver, {} delivered); "
                        + "disinfectant lottery drawn {} of {}; vegetable lottery open", reserved.size(), handed,
                exempt.size(), delivered, drawn.winners().size(), drawn.registrations().size());
    }

    private void donations(LiandongUser staff, String street, String community) {
        var by = staff.displayName();
        ledger.append(new Ledger.NewEntry(street, community, LedgerEntry.Kind.DONATION, MASKS, 20_000, "个",
                "上海市慈善基金会", "优先用于独居老人和困难家庭", null), by);
        ledger.append(new Ledger.NewEntry(street, community, LedgerEntry.Kind.DONATION, DISINFECTANT, 300, "瓶",
                "枫林路一家连锁超市", null, null), by);
        ledger.append(new Ledger.NewEntry(street, community, LedgerEntry.Kind.DONATION, VEGETABLES, 400, "份",
                "匿名", "爱心菜，免费发放", null), by);
        ledger.append(new Ledger.NewEntry(street, community, LedgerEntry.Kind.ALLOCATION, MASKS, 2_000, "个",
                "枫林路街道社区卫生服务中心", "转给核酸采样点", null), by);
    }

    /** Households reserve (or register) at the same time, as in a rush: group commit takes them in batches. */
    private List<Reservation> registerAll(SupplyRound round, List<UUID> households) {
        var futures = new ArrayList<java.util.concurrent.Future<@Nullable Reservation>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var h : households) {
                futures.add(executor.submit(() -> {
                    try {
                        return desk.reserve(new HouseholdResident(h), round.id(), "demo-" + h);
                    } catch (InvalidValueException soldOut) {
                        return null;
                    }
                }));
            }
        }
        var out = new ArrayList<Reservation>();
        for (var f : futures) {
            try {
                var r = f.get();
                if (r != null) {
                    out.add(r);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    private @Nullable LiandongUser user(String username) {
        try {
            return (LiandongUser) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
