package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.liandong.community.CarerRelation;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.community.RegistryOverview;
import org.liandong.community.ResidentDirectory;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.AccessScope;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo loads into the test database at start-up, small: two populated communities per street of 200
 * residents each. The database may hold other tests' data, so every check looks at the demo streets only.
 */
@LiandongTest
@TestPropertySource(properties = {"liandong.demo.enabled=true", "liandong.demo.populated-communities-per-street=2",
        "liandong.demo.residents-per-community=200"})
class DemoDataIntegrationTests {

    static final String FENGLIN = "310104008";
    static final String HOUHU = "420102017";
    static final String ZHANGJIABANG = "310104008001";

    @Autowired DemoLoader loader;
    @Autowired DemoLogins logins;
    @Autowired DemoSettings settings;
    @Autowired Places places;
    @Autowired Registry registry;
    @Autowired RegistryOverview overview;
    @Autowired ResidentDirectory directory;
    @Autowired PersonalDataCipher cipher;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired org.liandong.supply.SupplyDesk supplies;
    @Autowired org.liandong.supply.Lottery lottery;
    @Autowired org.liandong.supply.Ledger ledger;

    private List<String> demoCommunities() {
        var ids = new ArrayList<>(places.communityIdsOfStreet(FENGLIN));
        ids.addAll(places.communityIdsOfStreet(HOUHU));
        return ids;
    }

    private List<RegistryOverview.CommunityFigures> figures() {
        return overview.figures(AccessScope.of(demoCommunities()));
    }

    @Test
    void placesCarryTheirRealNames() {
        var fenglin = places.street(FENGLIN).orElseThrow();
        assertThat(fenglin.name()).isEqualTo("枫林路街道");
        assertThat(fenglin.districtName()).isEqualTo("徐汇区");
        assertThat(fenglin.city()).isEqualTo("上海市");
        var houhu = places.street(HOUHU).orElseThrow();
        assertThat(houhu.name()).isEqualTo("后湖街道");
        assertThat(houhu.districtName()).isEqualTo("江岸区");
        assertThat(houhu.city()).isEqualTo("武汉市");
        assertThat(places.communityIdsOfStreet(FENGLIN)).hasSize(32);
        assertThat(places.communityIdsOfStreet(HOUHU)).hasSize(17);
        assertThat(places.community(ZHANGJIABANG).orElseThrow().name()).isEqualTo("张家浜居委会");
        assertThat(places.community("310104008045").orElseThrow().name()).isEqualTo("南康居委会");
        assertThat(places.buildingGroupNames(ZHANGJIABANG)).contains("1号楼组");
        assertThat(places.buildings(ZHANGJIABANG)).extracting(Places.BuildingView::address)
                .allMatch(a -> a.matches("\\p{IsHan}+路 \\d+ 弄 \\d+ 号"));
        assertThat(places.buildings("420102017001")).extracting(Places.BuildingView::address)
                .allMatch(a -> a.matches("\\p{IsHan}+ \\d+ 号 \\d+ 栋"));
    }

    @Test
    void theFirstCommunitiesOfEachStreetAreLivedInTheOthersHaveBuildingsOnly() {
        var byId = figures().stream().collect(Collectors.toMap(
                RegistryOverview.CommunityFigures::id, f -> f));
        for (var street : List.of(FENGLIN, HOUHU)) {
            var ids = places.communityIdsOfStreet(street);
            for (int i = 0; i < ids.size(); i++) {
                var f = byId.get(ids.get(i));
                assertThat(f.residents()).isEqualTo(i < 2 ? 200 : 0);
                assertThat(places.buildings(ids.get(i))).isNotEmpty();
            }
        }
        var populated = figures().stream().filter(f -> f.residents() > 0).toList();
        var households = populated.stream().mapToLong(RegistryOverview.CommunityFigures::households).sum();
        assertThat(800.0 / households).isBetween(2.1, 2.7);
    }

    @Test
    void everyIdNumberIsValidAndAgreesWithSexAndBirthDate() {
        var today = LocalDate.now(clock);
        var rows = jdbc.queryForList("""
                select r.id_number_cipher, r.sex, r.birth_date, c.street_id from resident r
                join community c on c.id = r.community_id where c.street_id in (?, ?)""", FENGLIN, HOUHU);
        assertThat(rows).hasSize(800);
        var seen = new HashSet<String>();
        int aged60 = 0;
        for (var row : rows) {
            var number = cipher.decrypt((String) row.get("id_number_cipher"));
            assertThat(ChineseIdNumber.check(number, today)).as(number).isNull();
            var id = new ChineseIdNumber(number);
            assertThat(id.male()).isEqualTo("M".equals(row.get("sex")));
            var birth = ((Date) row.get("birth_date")).toLocalDate();
            assertThat(id.birthDate()).isEqualTo(birth);
            assertThat(number).startsWith(FENGLIN.equals(row.get("street_id")) ? "310104" : "420102");
            assertThat(seen.add(number)).isTrue();
            if (Period.between(birth, today).getYears() >= 60) {
                aged60++;
            }
        }
        // the census shares are checked on large samples in DemoPeopleUnitTests; here only that they survive
        assertThat(aged60 / 800.0).isBetween(0.12, 0.30);
    }

    @Test
    void mostVulnerableResidentsHaveACarerAFewHaveNobody() {
        for (var f : figures().stream().filter(f -> f.residents() > 0).toList()) {
            assertThat(f.vulnerableWithoutCarer()).as(f.name())
                    .isBetween((long) DemoCarers.FEWEST_WITHOUT_CARER, (long) DemoCarers.MOST_WITHOUT_CARER);
            assertThat(f.vulnerable()).isGreaterThan(2 * f.vulnerableWithoutCarer());
        }
        var scope = AccessScope.of(List.of(ZHANGJIABANG));
        var without = directory.search(scope, new ResidentDirectory.Query(null, ZHANGJIABANG, null, null, true, true),
                0, 50);
        assertThat(without.rows()).extracting(ResidentDirectory.Row::name).contains(DemoStory.ELDER);
    }

    @Test
    void theStoryPeopleAreInZhangjiabang() {
        var scope = AccessScope.of(List.of(ZHANGJIABANG));
        var teenager = directory.search(scope, new ResidentDirectory.Query(DemoStory.TEENAGER, ZHANGJIABANG, null,
                null, false, false), 0, 5).rows().getFirst();
        var view = registry.resident(scope, teenager.id());
        assertThat(view.tags()).extracting(Registry.Tag::kind).contains(
                VulnerabilityKind.DISABILITY);
        assertThat(view.carers()).singleElement().satisfies(carer -> {
            assertThat(carer.name()).isEqualTo(DemoStory.GUARDIAN);
            assertThat(carer.relation()).isEqualTo(CarerRelation.GUARDIAN);
            assertThat(registry.householdOf(carer.residentId()).orElseThrow()).isEqualTo(view.householdId());
        });
        var elder = directory.search(scope, new ResidentDirectory.Query(DemoStory.ELDER, ZHANGJIABANG, null, null,
                false, false), 0, 5).rows().getFirst();
        assertThat(elder.age()).isGreaterThanOrEqualTo(80);
        assertThat(elder.tags()).contains(VulnerabilityKind.CHRONIC_ILLNESS,
                VulnerabilityKind.ELDERLY_ALONE);
        assertThat(elder.carers()).isZero();
    }

    @Test
    void aLoginForEveryRoleWithTheRightScope() throws Exception {
        var story = DemoStory.of(settings.seed());
        var demoLogins = DemoAccounts.logins(Divisions.load(), story);
        var roles = EnumSet.noneOf(Role.class);
        for (var login : demoLogins) {
            var user = (LiandongUser) users.loadUserByUsername(login.username());
            assertThat(user.role()).isEqualTo(login.role());
            roles.add(user.role());
        }
        assertThat(roles).containsExactlyInAnyOrder(Role.values());

        var fenglin = new HashSet<>(places.communityIdsOfStreet(FENGLIN));
        assertThat(scope("admin").everything()).isTrue();
        assertThat(scope("street-fenglin").communityIds()).isEqualTo(fenglin);
        assertThat(scope("social-worker").communityIds()).isEqualTo(fenglin);
        assertThat(scope("street-wuhan").communityIds()).containsExactlyInAnyOrderElementsOf(
                places.communityIdsOfStreet(HOUHU));
        assertThat(scope("staff-fenglin").communityIds()).containsExactly(ZHANGJIABANG);
        assertThat(scope("staff-wuhan").communityIds()).containsExactly("420102017001");
        assertThat(scope("leader").communityIds()).containsExactly(ZHANGJIABANG);
        assertThat(scope("volunteer").communityIds()).isEmpty();

        var guardianHome = registry.findHousehold(ZHANGJIABANG, "1号楼", DemoStory.GUARDIAN_ROOM).orElseThrow();
        assertThat(user(story.guardianPhone()).householdId()).contains(guardianHome);
        assertThat(registry.livesIn(guardianHome, DemoStory.GUARDIAN)).isTrue();
        assertThat(user(story.claimantPhone()).householdId()).isEmpty();
        var claimable = registry.findHousehold(ZHANGJIABANG, "2号楼", DemoStory.CLAIMANT_ROOM).orElseThrow();
        assertThat(registry.livesIn(claimable, DemoStory.CLAIMANT)).isTrue();
        assertThat(user("leader").householdId()).isPresent();

        mvc.perform(formLogin().user("staff-fenglin").password(DemoSettings.DEFAULT_PASSWORD))
                .andExpect(authenticated().withUsername("staff-fenglin"));
    }

    private LiandongUser user(String username) {
        return (LiandongUser) users.loadUserByUsername(username);
    }

    private AccessScope scope(String username) {
        return user(username).scope();
    }

    @Test
    void loadingAgainAddsNothing() {
        var before = counts();
        var again = loader.load();
        assertThat(again.streets()).isEmpty();
        assertThat(again.residents()).isZero();
        assertThat(again.accounts()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    private List<Long> counts() {
        var communities = demoCommunities();
        var marks = String.join(",", Collections.nCopies(communities.size(), "?"));
        var args = communities.toArray();
        return Arrays.asList(
                jdbc.queryForObject("select count(*) from resident where community_id in (" + marks + ")", Long.class, args),
                jdbc.queryForObject("select count(*) from household where community_id in (" + marks + ")", Long.class, args),
                jdbc.queryForObject("select count(*) from carer_link where community_id in (" + marks + ")", Long.class, args),
                jdbc.queryForObject("select count(*) from building where community_id in (" + marks + ")", Long.class, args),
                jdbc.queryForObject("select count(*) from community where street_id in (?, ?)", Long.class, FENGLIN, HOUHU),
                jdbc.queryForObject("select count(*) from user_account", Long.class),
                jdbc.queryForObject("select count(*) from volunteer_application where community_id in (" + marks + ")",
                        Long.class, args),
                jdbc.queryForObject("select count(*) from volunteer_team where community_id in (" + marks + ")",
                        Long.class, args),
                jdbc.queryForObject("select count(*) from volunteer_post where community_id in (" + marks + ")",
                        Long.class, args),
                jdbc.queryForObject("select count(*) from volunteer_roster where community_id in (" + marks + ")",
                        Long.class, args),
                jdbc.queryForObject("select count(*) from volunteer_task where community_id in (" + marks + ")",
                        Long.class, args),
                jdbc.queryForObject("select count(*) from gate_event where community_id in (" + marks + ")",
                        Long.class, args));
    }

    @Test
    void theLoginsBlockNamesEveryLoginAndThePassword() {
        var text = logins.text("http://localhost:8091");
        assertThat(text).contains("http://localhost:8091", "liandong-demo", "admin", "street-fenglin", "street-wuhan",
                "staff-fenglin", "staff-wuhan", "social-worker", "leader", "volunteer", "expert",
                DemoStory.of(settings.seed()).guardianPhone(), DemoStory.of(settings.seed()).claimantPhone(),
                "张家浜居委会 2号楼 402");
    }

    @Test
    void residentIdsAreStable() {
        // ids derive from community and position, so a second load of a fresh database gives the same ids
        var expected = DemoPeople.id(ZHANGJIABANG, "story", DemoStory.Part.ELDER.ordinal());
        var found = jdbc.queryForObject("select name from resident where id = ?", String.class, expected);
        assertThat(found).isEqualTo(DemoStory.ELDER);
    }

    @Test
    void suppliesTellAStoryOfMasksALotteryDrawnAndOneStillOpen() {
        var staff = (org.liandong.platform.LiandongUser) users.loadUserByUsername("staff-fenglin");
        var rounds = supplies.rounds(staff.scope());
        var masks = rounds.stream().filter(r -> r.item().equals(DemoSupply.MASKS)).findFirst().orElseThrow();
        var counts = supplies.counts(masks.id());
        assertThat(counts.count(org.liandong.supply.Reservation.Status.RESERVED)).isPositive();
        assertThat(counts.count(org.liandong.supply.Reservation.Status.COLLECTED)).isPositive();
        assertThat(counts.count(org.liandong.supply.Reservation.Status.TO_DELIVER)).isPositive();
        assertThat(counts.count(org.liandong.supply.Reservation.Status.DELIVERED)).isEqualTo(2);
        var drawn = rounds.stream().filter(r -> r.item().equals(DemoSupply.DISINFECTANT)).findFirst().orElseThrow();
        var publication = lottery.publication(drawn);
        assertThat(publication.seed()).isNotNull();
        assertThat(publication.drawn()).isPositive().isLessThan(publication.registrations().size());
        assertThat(lottery.verify(drawn).intact()).isTrue();
        var open = rounds.stream().filter(r -> r.item().equals(DemoSupply.VEGETABLES)).findFirst().orElseThrow();
        assertThat(open.status(clock.instant())).isEqualTo(org.liandong.supply.SupplyRound.Status.OPEN);
        assertThat(lottery.publication(open).seed()).isNull();
        // 王丽娟: masks delivered (her son is disabled), registered in the draw, free to register for vegetables
        var guardian = (org.liandong.platform.LiandongUser) users.loadUserByUsername(DemoStory.of(settings.seed()).guardianPhone());
        var mine = supplies.roundsFor(guardian.householdId().orElseThrow());
        assertThat(mine).anySatisfy(hr -> {
            assertThat(hr.round().item()).isEqualTo(DemoSupply.MASKS);
            assertThat(hr.reservation().status()).isEqualTo(org.liandong.supply.Reservation.Status.TO_DELIVER);
        });
        assertThat(mine).anySatisfy(hr -> {
            assertThat(hr.round().item()).isEqualTo(DemoSupply.DISINFECTANT);
            assertThat(hr.reservation().lotteryRef()).isNotNull();
        });
        assertThat(mine).anySatisfy(hr -> {
            assertThat(hr.round().item()).isEqualTo(DemoSupply.VEGETABLES);
            assertThat(hr.reservation()).isNull();
        });
        assertThat(ledger.totals(FENGLIN, ZHANGJIABANG)).anySatisfy(t -> {
            assertThat(t.item()).isEqualTo(DemoSupply.MASKS);
            assertThat(t.in()).isEqualTo(20_000);
        });
        assertThat(ledger.verify(FENGLIN).intact()).isTrue();
        // loading again adds nothing
        int before = supplies.rounds(staff.scope()).size();
        loader.load();
        assertThat(supplies.rounds(staff.scope())).hasSize(before);
    }
}
