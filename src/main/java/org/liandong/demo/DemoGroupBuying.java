package org.liandong.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdRoll;
import org.liandong.platform.LiandongUser;
import org.liandong.supply.groupbuy.GroupBuying;
import org.liandong.supply.groupbuy.GroupDistribution;
import org.liandong.supply.groupbuy.GroupOrder;
import org.liandong.supply.groupbuy.HouseholdOrder;
import org.liandong.supply.groupbuy.Pack;
import org.liandong.volunteer.Teams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Group buying in 1号楼组 of 张家浜居委会 (SCENARIOS.md step 9), through the services the leader and staff use: the
 * first vegetable order, closed, delivered one pack short, partly handed out and paid, the elderly and disabled
 * households' packs given to the delivery team; the second, open now, at higher prices (the vegetable pack 29 %
 * dearer: flagged); and a free 爱心菜 distribution from donated vegetables, written to the ledger. 王丽娟 (the
 * resident login) orders in all three. Loaded once: the check is whether the {@code leader} login runs any group
 * order.
 */
@Component
@Order(31)
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoGroupBuying implements DemoChapter {

    static final String FIRST = "蔬菜团购（第一批）";
    static final String SECOND = "蔬菜团购（第二批）";
    static final String FREE = "爱心菜（捐赠蔬菜免费发放）";
    static final String SUPPLIER = "绿源蔬菜专业合作社";
    static final String DONOR = "崇明某蔬菜种植基地";

    private static final Logger log = LoggerFactory.getLogger(DemoGroupBuying.class);

    private final GroupBuying buying;
    private final GroupDistribution distribution;
    private final Teams teams;
    private final UserDetailsService users;
    private final Clock clock;

    DemoGroupBuying(GroupBuying buying, GroupDistribution distribution, Teams teams, UserDetailsService users,
                    Clock clock) {
        this.buying = buying;
        this.distribution = distribution;
        this.teams = teams;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "group buying";
    }

    @Override
    public void load(Divisions divisions, DemoStory story) {
        long start = System.nanoTime();
        var leader = user("leader");
        var staff = user("staff-fenglin");
        var resident = user(story.guardianPhone());
        if (leader == null || staff == null || resident == null || leader.householdId().isEmpty()
                || resident.householdId().isEmpty()) {
            log.warn("Demo group buying: the leader, staff or resident login (or their households) are missing");
            return;
        }
        if (!buying.managedOrders(leader).isEmpty()) {
            return;
        }
        var community = divisions.communitiesOf(DemoCity.SHANGHAI.streetCode()).getFirst().code();
        var now = LocalDateTime.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).withSecond(0).withNano(0);
        var neighbours = first(leader, resident, community, now);
        second(leader, resident, community, now, neighbours);
        free(staff, resident, community, now, neighbours);
        log.info("Demo data: three group orders in 1号楼组 of 张家浜居委会 in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Closed, delivered one vegetable pack short, partly handed out and paid; the vulnerable households' packs
     *  are a task of the delivery team. */
    private List<HouseholdRoll.Entry> first(LiandongUser leader, LiandongUser resident, String community,
                                            LocalDateTime now) {
        var order = buying.open(leader, new GroupBuying.NewGroupOrder(community, false, FIRST, SUPPLIER, "13917206648",
                "营业执照 91310104MA1FR0XX2K；食品经营许可证 JY13101040052", false, null, now.plusHours(2),
                now.toLocalDate().plusDays(1), List.of(pack("蔬菜套餐A（8种时蔬约4公斤）", "45", "2"),
                pack("肉类套餐（猪肉2斤、鸡蛋30个）", "78", "1"), pack("大米10公斤", "58", "1"))), null);
        var packs = buying.packs(order.id());
        buying.place(resident, order.id(), null, quantities(packs, 1, 1, 0), null);
        var neighbours = neighbours(leader, order, leader, resident);
        int[][] wanted = {{1, 0, 1}, {2, 1, 0}, {1, 0, 0}, {1, 1, 1}, {2, 0, 1}, {1, 0, 0}};
        for (int i = 0; i < Math.min(wanted.length, neighbours.size()); i++) {
            buying.place(leader, order.id(), neighbours.get(i).householdId(),
                    quantities(packs, wanted[i][0], wanted[i][1], wanted[i][2]), null);
        }
        buying.close(leader, order.id());
        var received = new HashMap<String, String>();
        for (var t : buying.packTotals(order.id())) {
            received.put(t.pack().id().toString(), String.valueOf(t.pack().position() == 0
                    ? Math.max(0, t.ordered() - 1) : t.ordered()));
        }
        distribution.recordDelivery(leader, order.id(), received);
        var households = buying.householdOrders(order.id());
        int handed = 0;
        for (var h : households) {
            if (!h.vulnerable() && handed < 3) {
                distribution.handOver(leader, h.id());
                distribution.recordPayment(leader, h.id(), handed == 1 ? "CASH" : "WECHAT",
                        handed == 1 ? null : "微信转账 42000019" + (2020 + handed * 7), null);
                handed++;
            }
        }
        var team = teams.list(leader.scope()).stream().filter(t -> t.name().equals(DemoVolunteers.TEAM_DELIVERY))
                .findFirst();
        if (team.isPresent()) {
            households.stream().filter(HouseholdOrder::vulnerable).map(HouseholdOrder::buildingGroup).distinct()
                    .forEach(g -> distribution.volunteerTask(leader, order.id(), g, "t:" + team.get().id()));
        }
        return neighbours;
    }

    /** Open now, at higher prices; 王丽娟 and a few neighbours have ordered. */
    private void second(LiandongUser leader, LiandongUser resident, String community, LocalDateTime now,
                        List<HouseholdRoll.Entry> neighbours) {
        var order = buying.open(leader, new GroupBuying.NewGroupOrder(community, false, SECOND, SUPPLIER,
                "13917206648", "营业执照 91310104MA1FR0XX2K；食品经营许可证 JY13101040052", false, null,
                now.toLocalDate().plusDays(1).atTime(20, 0), now.toLocalDate().plusDays(2),
                List.of(pack("蔬菜套餐A（8种时蔬约4公斤）", "58", "2"), pack("肉类套餐（猪肉2斤、鸡蛋30个）", "88", "1"),
                        pack("大米10公斤", "65", "1"))), null);
        var packs = buying.packs(order.id());
        buying.place(resident, order.id(), null, quantities(packs, 1, 0, 1), null);
        for (int i = 0; i < Math.min(3, neighbours.size()); i++) {
            buying.place(leader, order.id(), neighbours.get(i).householdId(), quantities(packs, 1, i % 2, 0), null);
        }
    }

    /** Donated vegetables handed out free to the whole community, written to the ledger as allocations out. */
    private void free(LiandongUser staff, LiandongUser resident, String community, LocalDateTime now,
                      List<HouseholdRoll.Entry> neighbours) {
        var order = buying.open(staff, new GroupBuying.NewGroupOrder(community, true, FREE, "张家浜居委会", null, null,
                true, DONOR, now.plusHours(1), now.plusHours(1).toLocalDate(),
                List.of(pack("爱心菜包（约5公斤）", "0", "1"))), null);
        var packs = buying.packs(order.id());
        buying.place(resident, order.id(), null, quantities(packs, 1), null);
        for (int i = 0; i < Math.min(8, neighbours.size()); i++) {
            buying.place(staff, order.id(), neighbours.get(i).householdId(), quantities(packs, 1), null);
        }
        buying.close(staff, order.id());
        var received = new HashMap<String, String>();
        buying.packTotals(order.id()).forEach(t -> received.put(t.pack().id().toString(), String.valueOf(t.ordered())));
        distribution.recordDelivery(staff, order.id(), received);
    }

    /**
     * The households of the leader's building group other than the resident's (the story's people, 周秀兰 in 101 and
     * 王丽娟 in 302, live there): the leader's own first, then by flat. {@code manager} manages the group order.
     */
    private List<HouseholdRoll.Entry> neighbours(LiandongUser manager, GroupOrder order, LiandongUser leader,
                                                 LiandongUser resident) {
        var own = resident.householdId().orElseThrow();
        var home = leader.householdId().orElseThrow();
        var all = buying.households(manager, order);
        var group = all.stream().filter(h -> h.householdId().equals(home)).findFirst()
                .map(HouseholdRoll.Entry::buildingGroupId).orElseThrow();
        var out = new ArrayList<HouseholdRoll.Entry>();
        all.stream().filter(h -> h.householdId().equals(home)).forEach(out::add);
        all.stream().filter(h -> !h.householdId().equals(own) && !h.householdId().equals(home))
                .filter(h -> h.buildingGroupId().equals(group)).limit(12).forEach(out::add);
        return out;
    }

    private static Map<String, String> quantities(List<Pack> packs, int... each) {
        var out = new HashMap<String, String>();
        for (int i = 0; i < each.length && i < packs.size(); i++) {
            out.put(packs.get(i).id().toString(), String.valueOf(each[i]));
        }
        return out;
    }

    private static GroupBuying.NewPack pack(String name, String price, @Nullable String limit) {
        return new GroupBuying.NewPack(name, null, price, limit);
    }

    private @Nullable LiandongUser user(String username) {
        try {
            return (LiandongUser) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

}
