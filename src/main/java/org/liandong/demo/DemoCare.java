package org.liandong.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.dependant.Rounds;
import org.liandong.care.family.FamilySupport;
import org.liandong.care.observation.Observations;
import org.liandong.care.referral.Referrals;
import org.liandong.care.request.HelpRequests;
import org.liandong.care.request.Suggestions;
import org.liandong.care.tier1.ScreeningLog;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.platform.AccessScope;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.ServiceHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The care part of the story (SCENARIOS.md steps 11–13 and 16) in 张家浜居委会, through the care module's own
 * services: 周秀兰 (84, alone, out of blood-pressure medicine) phoned, staff filed her request and "assign all" gave
 * it to a volunteer; other requests wait in the triage queue; 王丽娟 has been under observation since yesterday
 * morning with a fever check-in and a missed one (both alerts raised), so her son 陈浩宇 (15, disabled) is flagged,
 * the leader has a welfare visit and the social workers an open alert; a neighbour confirmed five days ago has a
 * tier 3 family case; a volunteer's urgent wellbeing referral was acknowledged by the {@code expert} login; rounds
 * for elderly residents living alone and tier 1 contacts of the last days.
 */
@Component
@Order(20)
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoCare implements DemoChapter {

    private static final Logger log = LoggerFactory.getLogger(DemoCare.class);

    private final Places places;
    private final Registry registry;
    private final UserDetailsService users;
    private final HelpRequests requests;
    private final Suggestions suggestions;
    private final Observations observations;
    private final FamilySupport families;
    private final Referrals referrals;
    private final Rounds rounds;
    private final ScreeningLog tier1;
    private final Clock clock;

    DemoCare(Places places, Registry registry, UserDetailsService users, HelpRequests requests,
             Suggestions suggestions, Observations observations, FamilySupport families, Referrals referrals,
             Rounds rounds, ScreeningLog tier1, Clock clock) {
        this.places = places;
        this.registry = registry;
        this.users = users;
        this.requests = requests;
        this.suggestions = suggestions;
        this.observations = observations;
        this.families = families;
        this.referrals = referrals;
        this.rounds = rounds;
        this.tier1 = tier1;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "care";
    }

    @Override
    public void load(Divisions divisions, DemoStory story) {
        var community = divisions.communitiesOf(DemoCity.SHANGHAI.streetCode()).getFirst().code();
        var staff = user("staff-fenglin");
        var leader = user("leader");
        var expert = user("expert");
        var volunteer = user("volunteer");
        var guardianLogin = user(story.guardianPhone());
        if (places.community(community).isEmpty() || staff == null || leader == null || expert == null
                || volunteer == null || guardianLogin == null) {
            log.warn("Demo care: the community or a demo login is missing, nothing loaded");
            return;
        }
        if (observations.list(staff, true).stream()
                .anyMatch(r -> r.observation().residentName().equals(DemoStory.GUARDIAN))) {
            return; // loaded before
        }
        var suffix = DemoCity.SHANGHAI.buildingSuffix();
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, ServiceHours.ZONE);

        // step 11: 周秀兰 phones the committee; staff file for her; "assign all" gives it to the best volunteer
        requests.file(staff, new HelpRequests.NewRequest(community, "1" + suffix, "101", "MEDICINE", "HIGH",
                "周秀兰阿姨来电：降压药（苯磺酸氨氯地平片）明天就吃完了，腿脚不便下不了楼。请到社区卫生服务中心代配一个月的量。",
                "她家座机，居委会可转接", "demo-care-elder"));
        suggestions.assignAll(staff, community);

        // other requests waiting in the triage queue, of several kinds and urgencies
        var others = otherHouseholds(community, suffix);
        requests.file(leader, new HelpRequests.NewRequest(community, DemoStory.CLAIMANT_BUILDING + suffix,
                DemoStory.CLAIMANT_ROOM, "GROCERIES", "NORMAL", "两个年轻租客，家里只剩两天的米和菜，团购没抢到。",
                null, "demo-care-groceries"));
        if (others.size() > 2) {
            requests.file(staff, new HelpRequests.NewRequest(community, others.get(2).building(), others.get(2).room(),
                    "MEDICAL_VISIT", "CRITICAL", "每周一三五做血液透析，明早 7 点要到中山医院，需要有通行证的车接送。",
                    null, "demo-care-dialysis"));
        }
        if (others.size() > 3) {
            requests.file(staff, new HelpRequests.NewRequest(community, others.get(3).building(), others.get(3).room(),
                    "INFORMATION", "LOW", "想问上门核酸怎么预约，家里老人行动不便。", null, "demo-care-information"));
        }

        // tier 3: a neighbour, under observation five days ago, confirmed two days ago; the family is supported
        if (!others.isEmpty()) {
            var patient = others.getFirst().members().getFirst();
            var caseId = observations.openSince(staff, patient.id(), "SYMPTOMS", 14, now.minus(Duration.ofDays(5)));
            observations.checkInAt(staff, caseId, "37.1", List.of("COUGH"), null, "demo-care-t3-1",
                    now.minus(Duration.ofDays(4)));
            observations.close(staff, caseId, "CONFIRMED");
            families.list(staff.scope()).stream().filter(f -> f.patientName().equals(patient.name())).findFirst()
                    .ifPresent(f -> {
                        families.plan(staff, f.id(), "每天电话问候家属；孩子的网课设备由团委志愿者送去；"
                                + "家属情绪低落时转介心理热线。", 1);
                        families.contact(staff, f.id(), "电话联系了家属：生活用品够用三天，最担心老人住院的情况，已说明医院联系方式。");
                    });
        }

        // steps 12–13: 王丽娟 under observation since yesterday morning; her son 陈浩宇 is flagged by the listener
        var guardianHome = registry.findHousehold(community, DemoStory.GUARDIAN_BUILDING + suffix, DemoStory.GUARDIAN_ROOM)
                .map(h -> registry.household(AccessScope.all(), h));
        var guardian = guardianHome.flatMap(h -> h.members().stream()
                .filter(m -> m.name().equals(DemoStory.GUARDIAN)).findFirst());
        if (guardian.isPresent()) {
            var since = today.minusDays(1).atTime(7, 0).atZone(ServiceHours.ZONE).toInstant();
            var caseId = observations.openSince(staff, guardian.get().id(), "FEVER", 14, since);
            observations.checkInAt(guardianLogin, caseId, "37.9", List.of("COUGH", "FATIGUE"), "家里退烧药快用完了",
                    "demo-care-gc-1", today.minusDays(1).atTime(8, 10).atZone(ServiceHours.ZONE).toInstant());
            // yesterday evening's check-in was missed; this morning's is in if the morning has come
            var thisMorning = today.atTime(8, 30).atZone(ServiceHours.ZONE).toInstant();
            if (thisMorning.isBefore(now)) {
                observations.checkInAt(guardianLogin, caseId, "37.4", List.of("COUGH"), null, "demo-care-gc-2",
                        thisMorning);
            }
            observations.check(now); // raises the missed check-in alert, as the watch would
        }

        // step 16: a volunteer's wellbeing check-in scored high; the counsellor on call acknowledged in time
        referrals.setDuty(expert, community, true);
        var referral = referrals.refer(new Referrals.Person(community, null, volunteer.userId(), volunteer.displayName()),
                Referrals.Source.WELLBEING, null, "连续值守 14 天，自评焦虑、失眠，说“撑不住了”。", true, expert.userId(),
                staff.displayName(), "demo-care-wellbeing");
        referrals.acknowledge(expert, referral);
        referrals.session(expert, referral, "电话疏导 40 分钟；建议轮休两天，后天再约。");

        // rounds: a visit for each elderly resident living alone not reached in 24 h; 周秀兰 was called
        rounds.generate(community, now);
        registry.findHousehold(community, "1" + suffix, "101").map(h -> registry.household(AccessScope.all(), h))
                .flatMap(h -> h.members().stream().findFirst())
                .ifPresent(elder -> rounds.record(staff, community, elder.id(), true, "电话联系：药已安排志愿者代配。"));

        // tier 1: a morning's screening contacts in each grid
        var grids = tier1.grids(community);
        for (var i = 0; i < grids.size() * 4; i++) {
            tier1.log(staff, community, grids.get(i % grids.size()),
                    new ScreeningLog.Contact(true, i % 2 == 0, i % 7 == 3, i % 7 == 3));
        }
        log.info("Demo care: requests, observations, a family case, a referral, rounds and tier 1 contacts in {}",
                places.community(community).map(c -> c.name()).orElse(community));
    }

    /** Households of generated residents (not the story's) in the first buildings, to ask and be cared for. */
    private List<Registry.HouseholdView> otherHouseholds(String community, String suffix) {
        var found = new ArrayList<Registry.HouseholdView>();
        for (var building = 3; building <= 6 && found.size() < 4; building++) {
            for (var room : Set.of("201", "402")) {
                registry.findHousehold(community, building + suffix, room)
                        .map(h -> registry.household(AccessScope.all(), h))
                        .filter(h -> !h.members().isEmpty())
                        .ifPresent(found::add);
            }
        }
        found.sort(java.util.Comparator.comparing(Registry.HouseholdView::building)
                .thenComparing(Registry.HouseholdView::room));
        return found;
    }

    private @Nullable LiandongUser user(String username) {
        try {
            return (LiandongUser) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
