package org.liandong.supply.groupbuy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.liandong.supply.Ledger;
import org.liandong.supply.LedgerEntry;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A building group's vegetable order from opening to payment: households order once (changeable, harmless under
 * double taps), totals per pack and building, closing, the gate delivery with a shortfall, the checklist, volunteer
 * tasks ticked when done, offline payments; price hikes flagged; free distributions written to the ledger; every
 * bad input refused with a message and nothing written.
 */
@LiandongTest
class GroupBuyingIntegrationTests {

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired GroupBuying buying;
    @Autowired GroupBuyingReports reports;
    @Autowired GroupDistribution distribution;
    @Autowired VolunteerTasks tasks;
    @Autowired Ledger ledger;

    Fixtures.TestStreet street;
    Fixtures.TestCommunity a;
    UserDetails staff;
    UserDetails leader;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        a = street.a();
        staff = users.loadUserByUsername(a.staffUsername());
        var leaderName = "gb-leader-" + a.id();
        // household 4 is in 1号楼组 (1号楼), like households 0 (elderly, alone), 1 (disabled teenager) and 5
        accounts.create(leaderName, "楼组长老周", Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(),
                List.of(a.id()), a.households().get(4));
        leader = users.loadUserByUsername(leaderName);
    }

    @Test
    void aBuildingGroupOrdersVegetablesFromOpeningToPayment() throws Exception {
        var orderId = openAsLeader();
        var order = buying.order(orderId).orElseThrow();
        assertThat(order.buildingGroup()).isEqualTo("1号楼组");
        var packs = buying.packs(orderId);
        var veg = packs.get(0).id().toString();
        var meat = packs.get(1).id().toString();
        var rice = packs.get(2).id().toString();

        // residents of the building group see it, the supplier's phone masked; one of another building group does not
        var r5 = resident(5);
        var r0 = resident(0);
        var r2 = resident(2);
        mvc.perform(get("/supply/groupbuy").with(user(r5))).andExpect(content().string(containsString("蔬菜团购")));
        mvc.perform(get("/supply/groupbuy/{id}", orderId).with(user(r5))).andExpect(status().isOk())
                .andExpect(content().string(containsString("138****5678")))
                .andExpect(content().string(not(containsString("13812345678"))));
        mvc.perform(get("/supply/groupbuy/{id}", orderId).with(user(r2))).andExpect(status().isNotFound());
        mvc.perform(order(r2, orderId, Map.of(veg, "1"), "t-r2"))
                .andExpect(flash().attribute("problem", "这次团购只面向1号楼组的住户。"));

        // an order, a double tap, a change
        mvc.perform(order(r5, orderId, Map.of(veg, "2", rice, "1"), "t-r5"))
                .andExpect(flash().attribute("ok", "groupbuy.order.done"));
        mvc.perform(order(r5, orderId, Map.of(veg, "2", rice, "1"), "t-r5"))
                .andExpect(flash().attribute("ok", "groupbuy.order.done"));
        assertThat(households(orderId)).isEqualTo(1);
        mvc.perform(order(r5, orderId, Map.of(veg, "1", rice, "1"), "t-r5b"))
                .andExpect(flash().attribute("ok", "groupbuy.order.done"));
        mvc.perform(order(r0, orderId, Map.of(veg, "1", meat, "1"), "t-r0"))
                .andExpect(flash().attribute("ok", "groupbuy.order.done"));
        // the leader orders for the disabled teenager's household (no phone there), not for another group's
        mvc.perform(order(leader, orderId, Map.of(veg, "2"), "t-l1").param("household",
                a.households().get(1).toString())).andExpect(flash().attribute("ok", "groupbuy.order.done"));
        mvc.perform(order(leader, orderId, Map.of(veg, "1"), "t-l2").param("household",
                a.households().get(2).toString()))
                .andExpect(flash().attribute("problem", "这次团购只面向1号楼组的住户。"));

        // bad quantities change nothing
        mvc.perform(order(r5, orderId, Map.of(veg, "3"), "x"))
                .andExpect(flash().attribute("problem", "“蔬菜套餐A”每户限购 2 份。"));
        for (var bad : List.of("-1", "1000", "abc", "1.5")) {
            mvc.perform(order(r5, orderId, Map.of(veg, bad), "x"))
                    .andExpect(flash().attribute("problem", "每种套餐的数量应为 0 到 99 之间的整数。"));
        }
        mvc.perform(order(r5, orderId, Map.of(UUID.randomUUID().toString(), "1"), "x"))
                .andExpect(flash().attribute("problem", "订单里有不在本次菜单上的套餐，没有保存。"));
        var mine = buying.householdOrder(orderId, a.households().get(5)).orElseThrow();
        assertThat(mine.quantityOf(packs.get(0).id())).isEqualTo(1);
        assertThat(mine.dueCents()).isEqualTo(5800 + 6500);

        // totals per pack and per building
        assertThat(buying.packTotals(orderId)).extracting(GroupBuying.PackTotal::ordered).containsExactly(4, 1, 1);
        assertThat(buying.buildingTotals(orderId)).extracting(GroupBuying.BuildingTotal::building, t -> t.households())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1号楼", 1),
                        org.assertj.core.groups.Tuple.tuple("2号楼", 2));
        mvc.perform(get("/supply/groupbuy/{id}/manage", orderId).with(user(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("138****5678")));
        mvc.perform(get("/supply/groupbuy/{id}/manage", orderId).with(user(staff)))
                .andExpect(content().string(containsString("13812345678")));
        assertThat(audits("supply.groupbuy.supplier-phone", orderId)).isEqualTo(1);
        mvc.perform(get("/supply/groupbuy/{id}/manage", orderId).with(user(resident(3))))
                .andExpect(status().isForbidden());

        // the leader closes; nobody can order or change any more
        mvc.perform(post("/supply/groupbuy/{id}/close", orderId).with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("ok", "groupbuy.close.done"));
        mvc.perform(post("/supply/groupbuy/{id}/close", orderId).with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("problem", "这次团购已经截单了。"));
        mvc.perform(order(r5, orderId, Map.of(veg, "2"), "late"))
                .andExpect(flash().attribute("problem", "这次团购已截单，订单不能再修改。"));
        assertThat(buying.householdOrder(orderId, a.households().get(5)).orElseThrow().quantityOf(packs.get(0).id()))
                .isEqualTo(1);

        // the supplier's order sheet: totals per pack and building, no flats
        mvc.perform(get("/supply/groupbuy/{id}/sheet", orderId).with(user(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("蔬菜套餐A")))
                .andExpect(content().string(not(containsString("1号楼 101"))));
        var sheet = Workbooks.read(mvc, get("/supply/groupbuy/{id}/sheet.xlsx", orderId).with(user(leader)));
        assertThat(sheet.get(0)).anySatisfy(row -> assertThat(row).startsWith("蔬菜套餐A", "份", "58.00", "4"));
        assertThat(sheet.get(1)).anySatisfy(row -> assertThat(row).containsExactly("1号楼组", "2号楼", "2", "3", "0", "1"));

        // the gate: one vegetable pack short; who ordered last (the leader, for household 1) gets one less
        mvc.perform(post("/supply/groupbuy/{id}/delivery", orderId).param("r." + veg, "5").param("r." + meat, "1")
                .param("r." + rice, "1").with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("problem", "“蔬菜套餐A”的实收数量应为 0 到 4 之间的整数。"));
        mvc.perform(post("/supply/groupbuy/{id}/delivery", orderId).param("r." + veg, "3").param("r." + meat, "1")
                .param("r." + rice, "1").with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("ok", "groupbuy.delivery.done"));
        mvc.perform(post("/supply/groupbuy/{id}/delivery", orderId).param("r." + veg, "3").param("r." + meat, "1")
                .param("r." + rice, "1").with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("收货已于")));
        var teen = buying.householdOrder(orderId, a.households().get(1)).orElseThrow();
        assertThat(teen.line(packs.get(0).id()).delivered()).isEqualTo(1);
        assertThat(teen.dueCents()).isEqualTo(5800);
        assertThat(buying.householdOrder(orderId, a.households().get(5)).orElseThrow().line(packs.get(0).id())
                .delivered()).isEqualTo(1);

        // the checklist (flats: audited); tick a household once
        mvc.perform(get("/supply/groupbuy/{id}/checklist", orderId).with(user(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2号楼 106")))
                .andExpect(content().string(containsString("需志愿者送上门")));
        assertThat(audits("supply.groupbuy.checklist", orderId)).isEqualTo(1);
        mvc.perform(post("/supply/groupbuy/households/{h}/hand-over", mine.id()).with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("ok", "groupbuy.hand.done"));
        mvc.perform(post("/supply/groupbuy/households/{h}/hand-over", mine.id()).with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("这户已经交付过了（楼组长老周")));

        // the elderly and the disabled households' packs become one volunteer task; done → both ticked
        var volunteer = volunteerFixtures.volunteer(a.id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        mvc.perform(post("/supply/groupbuy/{id}/task", orderId).param("buildingGroup", "1号楼组")
                .param("assignee", "v:" + volunteer.id()).with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("ok", "groupbuy.task.done"));
        mvc.perform(post("/supply/groupbuy/{id}/task", orderId).param("buildingGroup", "1号楼组")
                .param("assignee", "v:" + volunteer.id()).with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("problem", "这个楼组没有需要志愿者送的住户了。"));
        var taskId = buying.householdOrder(orderId, a.households().get(0)).orElseThrow().taskId();
        assertThat(taskId).isNotNull()
                .isEqualTo(buying.householdOrder(orderId, a.households().get(1)).orElseThrow().taskId());
        assertThat(tasks.get(((LiandongUser) staff).scope(), taskId).details()).contains("1号楼 101", "2号楼 102");
        tasks.accept(volunteer.id(), volunteer.name(), taskId);
        tasks.complete(volunteer.id(), volunteer.name(), taskId, "都送到了", 20, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> buying.householdOrder(orderId, a.households().get(1))
                .orElseThrow().handedOver());
        assertThat(buying.householdOrder(orderId, a.households().get(0)).orElseThrow().handedBy())
                .isEqualTo(volunteer.name());

        // payments: offline references only
        mvc.perform(payment(mine.id(), "WECHAT", "", "")).andExpect(flash().attribute("problem",
                "请填写转账凭证号（最多 100 个字）；现金可不填。"));
        mvc.perform(payment(mine.id(), "BITCOIN", "x", "")).andExpect(flash().attribute("problem", "请选择付款方式。"));
        mvc.perform(payment(mine.id(), "CASH", "", "-5")).andExpect(flash().attribute("problem", containsString("金额应为")));
        mvc.perform(payment(mine.id(), "WECHAT", "微信转账 4200001234", ""))
                .andExpect(flash().attribute("ok", "groupbuy.pay.done"));
        var paid = buying.householdOrder(mine.id()).orElseThrow();
        assertThat(paid.paid()).isTrue();
        assertThat(paid.paidCents()).isEqualTo(12300);
        assertThat(distribution.unpaid((LiandongUser) leader, orderId)).extracting(HouseholdOrder::householdId)
                .containsExactlyInAnyOrder(a.households().get(0), a.households().get(1));
        mvc.perform(get("/supply/groupbuy/{id}/checklist", orderId).with(user(staff)))
                .andExpect(content().string(containsString("未付款的住户（2 户）")));

        // the full report: every household with its payment (audited); reports across orders
        var report = Workbooks.read(mvc, get("/supply/groupbuy/{id}/report.xlsx", orderId).with(user(staff)));
        assertThat(report.get(0)).anySatisfy(row -> assertThat(row).startsWith("蔬菜套餐A", "份", "58.00", "4", "3", "3", "1"));
        assertThat(report.get(1)).anySatisfy(row -> assertThat(row).contains("微信转账 4200001234", "123.00"));
        assertThat(audits("supply.groupbuy.export", orderId)).isEqualTo(1);
        mvc.perform(get("/supply/groupbuy/reports").param("community", a.id()).with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("绿源蔬菜合作社")));
        var all = Workbooks.read(mvc, get("/supply/groupbuy/reports.xlsx").param("community", a.id()).with(user(staff)));
        assertThat(all.get(1)).anySatisfy(row -> assertThat(row).startsWith("绿源蔬菜合作社", "1", "3"));
        mvc.perform(get("/supply/groupbuy/{id}/checklist", orderId)
                .with(user(users.loadUserByUsername(street.b().staffUsername())))).andExpect(status().isNotFound());
    }

    @Test
    void priceHikesAreFlaggedAndFreeDonatedVegetablesGoIntoTheLedger() throws Exception {
        var me = (LiandongUser) staff;
        for (var price : List.of("50", "55", "70")) {
            buying.open(me, newOrder("蔬菜团购 " + price, false, null, List.of(pack("蔬菜套餐A", price, ""),
                    pack("大米10公斤", "60", ""))), null);
        }
        var free = buying.open(me, newOrder("爱心菜", true, "某蔬菜基地", List.of(pack("蔬菜套餐 A ", "", "1"))), null);
        var series = reports.prices(street.id(), a.id()).stream().filter(s -> s.name().startsWith("蔬菜套餐"))
                .findFirst().orElseThrow();
        assertThat(series.points()).extracting(GroupBuyingReports.PricePoint::change).containsExactly(null, 10, 27, null);
        assertThat(series.points()).extracting(GroupBuyingReports.PricePoint::hike)
                .containsExactly(false, false, true, false);
        assertThat(series.points().getLast().free()).isTrue();
        assertThat(series.sparkline().split(" ")).hasSize(3);
        mvc.perform(get("/supply/groupbuy/prices").with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("涨价过快"))).andExpect(content().string(containsString("+27%")));
        mvc.perform(get("/supply/groupbuy/prices").with(user(resident(2)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("蔬菜套餐A")));

        // the free distribution: ordered, closed, delivered, and the donated packs leave through the ledger
        var packId = buying.packs(free.id()).get(0).id().toString();
        var r3 = resident(3);
        mvc.perform(order(r3, free.id(), Map.of(packId, "2"), "f"))
                .andExpect(flash().attribute("problem", "“蔬菜套餐 A”每户限购 1 份。"));
        mvc.perform(order(r3, free.id(), Map.of(packId, "1"), "f")).andExpect(flash().attribute("ok", "groupbuy.order.done"));
        mvc.perform(order(resident(1), free.id(), Map.of(packId, "1"), "g"))
                .andExpect(flash().attribute("ok", "groupbuy.order.done"));
        buying.close(me, free.id());
        distribution.recordDelivery(me, free.id(), Map.of(packId, "2"));
        var entries = ledger.entries(street.id(), a.id(), 50).stream()
                .filter(e -> free.id().toString().equals(e.reference())).toList();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerEntry.Kind.ALLOCATION);
            assertThat(e.quantity()).isEqualTo(2);
            assertThat(e.note()).contains("某蔬菜基地");
        });
        assertThat(ledger.verify(street.id()).intact()).isTrue();
        var h = buying.householdOrder(free.id(), a.households().get(3)).orElseThrow();
        assertThat(h.dueCents()).isZero();
        mvc.perform(payment(h.id(), "CASH", "", "1").with(user(staff)))
                .andExpect(flash().attribute("problem", "免费发放不需要付款。"));
    }

    @Test
    void badGroupOrdersAreRefusedAndNothingIsWritten() throws Exception {
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
        Map<String, String> good = Map.of("community", a.id(), "scope", "group", "title", "蔬菜团购", "supplier", "某合作社",
                "deadline", now.plusHours(3).format(INPUT), "deliveryDate", now.plusDays(1).toLocalDate().toString(),
                "pack0.name", "蔬菜套餐A", "pack0.price", "58");
        var keys = List.of("deadline", "deliveryDate", "pack0.price", "pack0.name", "supplierPhone");
        var messages = List.of("请填写截止时间：晚于现在，且在 60 天以内。", "请填写送货日期：不早于截止日期，且在截止后 30 天以内。",
                "单价应为 0 到 10000.00 元之间的金额，最多两位小数。", "请至少填写一个套餐，最多 12 个。", "供货商电话只能包含数字，7 到 15 位。");
        for (int i = 0; i < keys.size(); i++) {
            var form = new java.util.HashMap<>(good);
            form.put(keys.get(i), i == 0 ? now.minusHours(1).format(INPUT) : i == 1
                    ? now.minusDays(2).toLocalDate().toString() : i == 2 ? "abc" : i == 3 ? "" : "call me");
            if (i == 3) {
                form.put("pack0.price", "");
            }
            mvc.perform(open(leader, form)).andExpect(flash().attribute("problem", messages.get(i)));
        }
        var twice = new java.util.HashMap<>(good);
        twice.put("pack1.name", " 蔬菜套餐A");
        twice.put("pack1.price", "60");
        mvc.perform(open(leader, twice)).andExpect(flash().attribute("problem", "套餐“蔬菜套餐A”填了两次。"));
        var dear = new java.util.HashMap<>(good);
        dear.put("pack0.price", "99999");
        mvc.perform(open(leader, dear)).andExpect(flash().attribute("problem", "单价应为 0 到 10000.00 元之间的金额，最多两位小数。"));
        var freeButPriced = new java.util.HashMap<>(good);
        freeButPriced.put("free", "true");
        mvc.perform(open(leader, freeButPriced)).andExpect(flash().attribute("problem", "免费发放的套餐价格必须为 0（“蔬菜套餐A”不是）。"));
        var donorNotFree = new java.util.HashMap<>(good);
        donorNotFree.put("donor", "某基金会");
        mvc.perform(open(leader, donorNotFree)).andExpect(flash().attribute("problem", "只有免费发放（爱心菜）可以填写捐赠方。"));
        // a resident may not open one; a leader not for another community
        mvc.perform(open(resident(0), good)).andExpect(status().isForbidden());
        var elsewhere = new java.util.HashMap<>(good);
        elsewhere.put("community", street.b().id());
        mvc.perform(open(leader, elsewhere)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from supply_group_order where community_id in (:c)")
                .param("c", List.of(a.id(), street.b().id())).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from supply_group_pack p join supply_group_order o on o.id = p.order_id "
                + "where o.community_id = :c").param("c", a.id()).query(Integer.class).single()).isZero();

        // after the deadline (moved back in the database) nobody orders
        var orderId = openAsLeader();
        jdbc.sql("update supply_group_order set deadline = :d where id = :id")
                .param("d", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60))).param("id", orderId).update();
        var veg = buying.packs(orderId).get(0).id().toString();
        mvc.perform(order(resident(5), orderId, Map.of(veg, "1"), "late"))
                .andExpect(flash().attribute("problem", containsString("下单已于")));
        assertThat(households(orderId)).isZero();
    }

    @Test
    void manyTapsOfOneHouseholdLeaveOneOrder() throws Exception {
        var orderId = openAsLeader();
        var veg = buying.packs(orderId).get(0).id().toString();
        var r5 = (LiandongUser) resident(5);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<Callable<Object>>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> buying.place(r5, orderId, null, Map.of(veg, "2"), "same-token"));
            }
            for (var f : pool.invokeAll(calls)) {
                assertThat(f.get()).isNotNull();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(households(orderId)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from supply_group_line l join supply_group_household h "
                + "on h.id = l.household_order_id where h.order_id = :o").param("o", orderId).query(Integer.class)
                .single()).isEqualTo(1);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private UUID openAsLeader() throws Exception {
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
        var result = mvc.perform(open(leader, Map.ofEntries(Map.entry("community", a.id()), Map.entry("scope", "group"),
                        Map.entry("title", "蔬菜团购"), Map.entry("supplier", "绿源蔬菜合作社"),
                        Map.entry("supplierPhone", "138 1234 5678"), Map.entry("licenceNote", "食品经营许可证 JY1310"),
                        Map.entry("deadline", now.plusHours(3).format(INPUT)),
                        Map.entry("deliveryDate", now.plusDays(1).toLocalDate().toString()),
                        Map.entry("pack0.name", "蔬菜套餐A"), Map.entry("pack0.price", "58"), Map.entry("pack0.limit", "2"),
                        Map.entry("pack1.name", "肉类套餐"), Map.entry("pack1.price", "88.5"),
                        Map.entry("pack2.name", "大米10公斤"), Map.entry("pack2.price", "65"), Map.entry("pack2.unit", "袋"))))
                .andExpect(flash().attribute("ok", "groupbuy.open.done"))
                .andExpect(redirectedUrlPattern("/supply/groupbuy/*/manage")).andReturn();
        var url = result.getResponse().getRedirectedUrl();
        return UUID.fromString(url.split("/")[3]);
    }

    private MockHttpServletRequestBuilder open(UserDetails who, Map<String, String> form) {
        var request = post("/supply/groupbuy").with(user(who)).with(csrf());
        form.forEach(request::param);
        return request;
    }

    private MockHttpServletRequestBuilder order(UserDetails who, UUID orderId, Map<String, String> quantities,
                                                String token) {
        var request = post("/supply/groupbuy/{id}/order", orderId).param("token", token).with(user(who)).with(csrf());
        quantities.forEach((pack, q) -> request.param("q." + pack, q));
        return request;
    }

    private MockHttpServletRequestBuilder payment(UUID householdOrderId, String method, String reference,
                                                  String amount) {
        return post("/supply/groupbuy/households/{h}/payment", householdOrderId).param("method", method)
                .param("reference", reference).param("amount", amount).with(user(leader)).with(csrf());
    }

    private GroupBuying.NewGroupOrder newOrder(String title, boolean free, String donor, List<GroupBuying.NewPack> packs) {
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
        return new GroupBuying.NewGroupOrder(a.id(), true, title, "绿源蔬菜合作社", null, null, free, donor,
                now.plusHours(2), now.plusDays(1).toLocalDate(), packs);
    }

    private static GroupBuying.NewPack pack(String name, String price, String limit) {
        return new GroupBuying.NewPack(name, null, price, limit);
    }

    private UserDetails resident(int household) {
        return users.loadUserByUsername(fixtures.residentAccountOf(a, household));
    }

    private int households(UUID orderId) {
        return jdbc.sql("select count(*) from supply_group_household where order_id = :o").param("o", orderId)
                .query(Integer.class).single();
    }

    private int audits(String action, UUID orderId) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and subject_id = :s").param("a", action)
                .param("s", orderId.toString()).query(Integer.class).single();
    }
}
