package org.liandong.demo;

import static org.liandong.volunteer.VolunteerCategory.CULTURE;
import static org.liandong.volunteer.VolunteerCategory.DELIVERY;
import static org.liandong.volunteer.VolunteerCategory.DISINFECTION;
import static org.liandong.volunteer.VolunteerCategory.ELDER_CARE;
import static org.liandong.volunteer.VolunteerCategory.GATE;
import static org.liandong.volunteer.VolunteerCategory.MEDICAL;
import static org.liandong.volunteer.VolunteerCategory.NURSING;
import static org.liandong.volunteer.VolunteerCategory.ONLINE_SUPPORT;
import static org.liandong.volunteer.VolunteerCategory.PSYCHOLOGICAL;
import static org.liandong.volunteer.VolunteerCategory.SOCIAL_WORK;
import static org.liandong.volunteer.VolunteerCategory.TRANSLATION;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.Applications;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.VolunteerOffice;
import org.liandong.volunteer.VolunteerTasks;
import org.liandong.volunteer.gate.GateDesk;
import org.liandong.volunteer.recognition.Certificates;
import org.liandong.volunteer.roster.DutyRosters;
import org.liandong.volunteer.roster.PostKind;
import org.liandong.volunteer.roster.Posts;
import org.liandong.volunteer.roster.RosterSolver;
import org.liandong.volunteer.roster.RosterStatus;
import org.liandong.volunteer.wellbeing.WellbeingDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Volunteers for the demo, in 张家浜居委会 (and a few in the first community of 后湖街道), made only through the
 * volunteer module's services, acting as the demo's social worker, community staff and volunteer: applications
 * submitted as the public page would, vetted in batches, teams, posts with their shifts, tasks in every state,
 * hours, a certificate, gates with a pass policy and passages, a wellbeing check-in. The 2-week roster is solved
 * by Timefold in the background for a few seconds, then published, so start-up does not wait for it.
 *
 * <p>Loaded once: the check is whether the {@code volunteer} login already belongs to a volunteer. People, answers
 * and categories come from the demo seed; reference codes, pass tokens and the roster's exact assignment do not.
 */
@Component
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoVolunteers {

    /** What one call of {@link #load} added. */
    record Loaded(int applications, int approved, boolean alreadyThere, long millis) {
    }

    static final Duration ROSTER_TIME_LIMIT = Duration.ofSeconds(3);
    static final int ROSTER_WEEKS = 2;
    static final List<String> GATES = List.of("东门", "西门", "南门", "北门");
    static final String PICKUP_POINT = "物资自提点";
    static final String TEAM_1 = "1号楼组防控队";
    static final String TEAM_2 = "2号楼组防控队";
    static final String TEAM_DELIVERY = "物资配送队";
    static final String VOLUNTEER_LOGIN = "volunteer";
    /** How many shifts from today on the volunteer login should have in the published roster. */
    static final int LOGIN_SHIFTS = 3;

    private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);

    private final DemoSettings settings;
    private final UserDetailsService users;
    private final Places places;
    private final Registry registry;
    private final Applications applications;
    private final VolunteerOffice office;
    private final VolunteerDirectory directory;
    private final Teams teams;
    private final VolunteerTasks tasks;
    private final ServiceHours hours;
    private final Posts posts;
    private final DutyRosters rosters;
    private final GateDesk gates;
    private final Certificates certificates;
    private final WellbeingDesk wellbeing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CompletableFuture<UUID> published = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean finishing = new java.util.concurrent.atomic.AtomicBoolean();

    DemoVolunteers(DemoSettings settings, UserDetailsService users, Places places, Registry registry,
                   Applications applications, VolunteerOffice office, VolunteerDirectory directory, Teams teams,
                   VolunteerTasks tasks, ServiceHours hours, Posts posts, DutyRosters rosters, GateDesk gates,
                   Certificates certificates, WellbeingDesk wellbeing, TransactionTemplate tx, Clock clock) {
        this.settings = settings;
        this.users = users;
        this.places = places;
        this.registry = registry;
        this.applications = applications;
        this.office = office;
        this.directory = directory;
        this.teams = teams;
        this.tasks = tasks;
        this.hours = hours;
        this.posts = posts;
        this.rosters = rosters;
        this.gates = gates;
        this.certificates = certificates;
        this.wellbeing = wellbeing;
        this.tx = tx;
        this.clock = clock;
    }

    /** Completes with the id of the published demo roster once the background solve is done and published. */
    CompletableFuture<UUID> rosterPublished() {
        return published;
    }

    Loaded load(Divisions divisions, DemoStory story) {
        long start = System.nanoTime();
        var zhangjiabang = divisions.communitiesOf(DemoCity.SHANGHAI.streetCode()).getFirst().code();
        var jianshe = divisions.communitiesOf(DemoCity.WUHAN.streetCode()).getFirst().code();
        var login = user(VOLUNTEER_LOGIN);
        if (login == null || places.community(zhangjiabang).isEmpty() || places.community(jianshe).isEmpty()) {
            log.warn("Demo volunteers: the demo communities or the volunteer login are missing, nothing loaded");
            published.completeExceptionally(new IllegalStateException("no demo volunteers"));
            return new Loaded(0, 0, false, 0);
        }
        if (directory.byUser(login.userId()).isPresent()) {
            publishRoster(zhangjiabang, login);
            return new Loaded(0, 0, true, (System.nanoTime() - start) / 1_000_000);
        }
        var counts = tx.execute(status -> {
            var phones = new HashSet<>(story.phones());
            var names = new HashSet<String>();
            var shanghai = shanghai(zhangjiabang, login, phones, names);
            var wuhan = wuhan(jianshe, phones, names);
            return new int[] {shanghai[0] + wuhan[0], shanghai[1] + wuhan[1]};
        });
        if (counts == null) {
            throw new IllegalStateException("demo volunteers loaded nothing");
        }
        publishRoster(zhangjiabang, login);
        var loaded = new Loaded(counts[0], counts[1], false, (System.nanoTime() - start) / 1_000_000);
        log.info("Demo data: {} volunteer applications, {} approved, teams, posts, tasks, hours and gates in {} ms; "
                + "the roster is being solved in the background", loaded.applications(), loaded.approved(),
                loaded.millis());
        return loaded;
    }

    // ---- 张家浜居委会 -----------------------------------------------------------------------------------------

    /** @return applications submitted and approved */
    private int[] shanghai(String community, LiandongUser login, Set<String> phones, Set<String> names) {
        var socialWorker = required("social-worker");
        var staff = required("staff-fenglin");
        var today = LocalDate.now(clock);
        var random = new SplittableRandom(settings.seed() * 1_000_003L + Long.parseLong(community) + 17);
        var people = new DemoApplicants(DemoCity.SHANGHAI, random, today, names, phones);
        var desk = new Desk(community, today, socialWorker);

        // the approved: the volunteer login first, then gate teams, delivery, care and the professions
        var first = new ArrayList<DemoApplicants.Applicant>();
        first.add(people.next(DemoApplicants.of(GATE, DELIVERY), DemoApplicants.Pattern.DAYS,
                DemoApplicants.Keenness.HIGH, login.displayName()).withHours(24));
        var patterns = DemoApplicants.Pattern.values();
        for (int i = 0; i < 24; i++) {
            var categories = i % 3 == 0 ? DemoApplicants.of(GATE, DISINFECTION) : DemoApplicants.of(GATE);
            first.add(people.next(categories, patterns[i % patterns.length], keen(i)));
        }
        for (int i = 0; i < 6; i++) {
            first.add(people.next(i < 2 ? DemoApplicants.of(DELIVERY, ELDER_CARE) : DemoApplicants.of(DELIVERY),
                    DemoApplicants.Pattern.DAYS, keen(i)));
        }
        for (var categories : List.of(DemoApplicants.of(ELDER_CARE), DemoApplicants.of(ELDER_CARE, CULTURE),
                DemoApplicants.of(MEDICAL), DemoApplicants.of(NURSING, ELDER_CARE), DemoApplicants.of(PSYCHOLOGICAL),
                DemoApplicants.of(SOCIAL_WORK, ONLINE_SUPPORT), DemoApplicants.of(ONLINE_SUPPORT),
                DemoApplicants.of(TRANSLATION, ONLINE_SUPPORT), DemoApplicants.of(CULTURE))) {
            first.add(people.next(categories, DemoApplicants.Pattern.WEEKENDS, DemoApplicants.Keenness.MIXED));
        }
        // 30 apply on their own; the last 10 were brought in by one of them (referrals)
        var approved = new ArrayList<DemoApplicants.Applicant>();
        var direct = first.subList(0, 30);
        desk.approve(desk.submitAll(direct, null));
        approved.addAll(direct);
        var referred = first.subList(30, first.size());
        var referredIds = new ArrayList<UUID>();
        for (int i = 0; i < referred.size(); i++) {
            referredIds.add(desk.submit(referred.get(i), direct.get(1 + 3 * i).phone(), null));
        }
        desk.approve(referredIds);
        approved.addAll(referred);

        // the queue: sixty open applications, a few on hold, rejected, and three who applied again
        var queueCategories = List.of(DemoApplicants.of(GATE), DemoApplicants.of(GATE, DISINFECTION),
                DemoApplicants.of(DELIVERY), DemoApplicants.of(DELIVERY, ELDER_CARE), DemoApplicants.of(ELDER_CARE),
                DemoApplicants.of(ONLINE_SUPPORT), DemoApplicants.of(CULTURE, ONLINE_SUPPORT),
                DemoApplicants.of(MEDICAL), DemoApplicants.of(PSYCHOLOGICAL), DemoApplicants.of(DISINFECTION),
                DemoApplicants.of(TRANSLATION), DemoApplicants.of(GATE, DELIVERY));
        var retry = new ArrayList<DemoApplicants.Applicant>();
        for (int i = 0; i < 3; i++) {
            retry.add(people.next(DemoApplicants.of(GATE), DemoApplicants.Pattern.EVENINGS,
                    DemoApplicants.Keenness.MIXED));
        }
        var rejectedOnce = desk.submitAll(retry, null);
        office.decide(socialWorker, rejectedOnce, VolunteerOffice.Decision.REJECT,
                "可服务时间与报名表中的说明不一致，请核对后重新提交");
        var unwell = new ArrayList<UUID>();
        for (int i = 0; i < 2; i++) {
            unwell.add(desk.submit(people.next(DemoApplicants.of(DELIVERY), DemoApplicants.Pattern.DAYS,
                    DemoApplicants.Keenness.HIGH), null, "近一周有发热、咳嗽"));
        }
        office.decide(socialWorker, unwell, VolunteerOffice.Decision.REJECT,
                "健康申报未通过：近期有发热症状，康复后欢迎再次报名");
        var held = new ArrayList<UUID>();
        for (int i = 0; i < 2; i++) {
            held.add(desk.submit(people.next(DemoApplicants.of(GATE), DemoApplicants.Pattern.NIGHTS,
                    DemoApplicants.Keenness.MIXED), null, null));
        }
        office.decide(socialWorker, held, VolunteerOffice.Decision.HOLD, "待面谈：确认能否长期上夜班");
        applications.noteInterview(socialWorker, held.getFirst(), "电话联系：可上夜班，家中老人需另请人照看，下周再确认。");
        int open = 0;
        for (var again : retry) {
            desk.submit(again, null, null);
            open++;
        }
        for (int i = 0; open < 60; i++, open++) {
            var keenness = i % 5 == 0 ? DemoApplicants.Keenness.LOW : i % 5 < 3 ? DemoApplicants.Keenness.MIXED
                    : DemoApplicants.Keenness.HIGH;
            var applicant = people.next(queueCategories.get(i % queueCategories.size()), patterns[i % patterns.length],
                    keenness);
            desk.submit(applicant, i % 4 == 1 ? approved.get(i % approved.size()).phone() : null, null);
        }

        var volunteers = byName(staff, community);
        var me = volunteers.get(login.displayName());
        office.useAccount(me, login);
        var gateVolunteers = first.subList(1, 25).stream().map(a -> volunteers.get(a.name())).toList();
        var deliveryVolunteers = first.subList(25, 31).stream().map(a -> volunteers.get(a.name())).toList();
        teams(staff, community, me, gateVolunteers, deliveryVolunteers);
        postsAndGates(staff, login, community);
        work(staff, login, community, me, gateVolunteers, deliveryVolunteers);
        return new int[] {desk.submitted, approved.size()};
    }

    private static DemoApplicants.Keenness keen(int i) {
        return i % 4 == 3 ? DemoApplicants.Keenness.MIXED : DemoApplicants.Keenness.HIGH;
    }

    private void teams(LiandongUser staff, String community, UUID me, List<UUID> gate, List<UUID> delivery) {
        var scope = staff.scope();
        var one = teams.create(scope, community, TEAM_1, "1号楼组的门岗值守、楼道消杀和独居老人问候");
        var oneMembers = new ArrayList<UUID>(gate.subList(0, 10));
        oneMembers.add(me);
        teams.addMembers(scope, one, oneMembers);
        teams.setRoles(scope, one, gate.get(0), true, true);
        teams.setRoles(scope, one, gate.get(1), false, true);
        teams.setRoles(scope, one, gate.get(2), false, true);
        var two = teams.create(scope, community, TEAM_2, "2号楼组的门岗值守和楼道消杀");
        teams.addMembers(scope, two, gate.subList(10, 20));
        teams.setRoles(scope, two, gate.get(10), true, false);
        teams.setRoles(scope, two, gate.get(11), false, true);
        var three = teams.create(scope, community, TEAM_DELIVERY, "物资自提点值守，送药、送菜上门");
        var deliveryMembers = new ArrayList<UUID>(delivery);
        deliveryMembers.add(me);
        teams.addMembers(scope, three, deliveryMembers);
        teams.setRoles(scope, three, delivery.get(0), true, false);
        teams.setRoles(scope, three, delivery.get(1), false, true);
    }

    private void postsAndGates(LiandongUser staff, LiandongUser login, String community) {
        var scope = staff.scope();
        var lane = places.buildings(community).stream().map(Places.BuildingView::address).findFirst()
                .map(a -> a.replaceFirst(" \\d+ 号$", "")).orElse("");
        for (var name : GATES) {
            var post = posts.define(scope, new Posts.NewPost(community, PostKind.GATE, name, lane + " " + name, GATE,
                    false));
            // the three periods volunteers tick when they apply: morning, afternoon, night
            posts.addTemplate(scope, post, LocalTime.of(6, 0), LocalTime.of(14, 0), false, 1);
            posts.addTemplate(scope, post, LocalTime.of(14, 0), LocalTime.of(22, 0), false, 1);
            posts.addTemplate(scope, post, LocalTime.of(22, 0), LocalTime.of(6, 0), true, 1);
            gates.addGate(staff, community, name);
        }
        var pickup = posts.define(scope, new Posts.NewPost(community, PostKind.PICKUP_POINT, PICKUP_POINT,
                lane + " 居委会门口", DELIVERY, false));
        posts.addTemplate(scope, pickup, LocalTime.of(9, 0), LocalTime.of(12, 0), false, 2);

        // one outing every two days per household; passes for all; the morning's passages at the gates
        gates.setPolicy(staff, community, 1, 2);
        gates.issuePasses(staff, community);
        var byName = new HashMap<String, UUID>();
        gates.gates(scope, community).forEach(g -> byName.put(g.name(), g.id()));
        var suffix = DemoCity.SHANGHAI.buildingSuffix();
        var guardian = pass(community, DemoStory.GUARDIAN_BUILDING + suffix, DemoStory.GUARDIAN_ROOM);
        var leader = pass(community, DemoStory.LEADER_BUILDING + suffix, DemoStory.LEADER_ROOM);
        var claimant = pass(community, DemoStory.CLAIMANT_BUILDING + suffix, DemoStory.CLAIMANT_ROOM);
        var east = byName.get("东门");
        gates.scan(login, east, guardian);                // out to the pharmacy
        gates.scan(login, east, guardian);                // and back
        gates.scan(login, byName.get("北门"), leader);     // out
        gates.scan(login, byName.get("北门"), leader);     // back
        gates.scan(login, east, leader);                  // out again the same day: refused, quota used
        gates.scan(login, byName.get("西门"), claimant);   // out, not back yet
        gates.scan(login, byName.get("西门"), "demo-not-a-pass");
        gates.logVisitor(login, east, "DELIVERY", "快递员 刘师傅", null, "1号楼 302 的药品，放在快递架");
        gates.logVisitor(login, byName.get("南门"), "VISITOR", "社区卫生服务中心 许医生", null,
                "上门为 1号楼 101 周秀兰量血压");
    }

    private String pass(String community, String building, String room) {
        var household = registry.findHousehold(community, building, room).orElseThrow();
        return gates.passToken(household).orElseThrow();
    }

    private void work(LiandongUser staff, LiandongUser login, String community, UUID me, List<UUID> gate,
                      List<UUID> delivery) {
        var by = staff.displayName();
        var now = clock.instant();
        var name = login.displayName();
        var medicine = tasks.create(community, TaskKind.DELIVER, "给 1号楼 101 周秀兰送降压药",
                "药已由社区卫生服务中心配好，放在居委会；送到后请当面确认她按时服药。",
                VolunteerTasks.Assignee.volunteer(me), now.plus(1, ChronoUnit.HOURS), by);
        tasks.accept(me, name, medicine);
        tasks.complete(me, name, medicine, "已送到，老人精神不错，药够吃一周。", 40, null);
        var calls = tasks.create(community, TaskKind.CALL_RESIDENT, "电话问候 1号楼组的独居老人（5 户）", null,
                VolunteerTasks.Assignee.volunteer(me), null, by);
        tasks.accept(me, name, calls);
        tasks.complete(me, name, calls, "都联系上了；2号楼一位老人想买菜，已转物资配送队。", 50, null);
        var stairs = tasks.create(community, TaskKind.DISINFECT, "1号楼楼道和电梯消杀", "消毒液在居委会仓库领取。",
                VolunteerTasks.Assignee.volunteer(me), now.plus(1, ChronoUnit.DAYS), by);
        tasks.accept(me, name, stairs);
        tasks.create(community, TaskKind.ESCORT, "陪同 1号楼 101 周秀兰去医院复诊", "社区已约好车，上午九点出发。",
                VolunteerTasks.Assignee.volunteer(me), now.plus(3, ChronoUnit.DAYS), by);

        var teamDelivery = teams.list(staff.scope()).stream().filter(t -> t.name().equals(TEAM_DELIVERY))
                .findFirst().orElseThrow().id();
        tasks.create(community, TaskKind.DELIVER, "给 2号楼 402 等三户送蔬菜包", "蔬菜包在物资自提点，按楼号分好了。",
                VolunteerTasks.Assignee.team(teamDelivery), now.plus(4, ChronoUnit.HOURS), by);
        var declined = tasks.create(community, TaskKind.VISIT, "上门看望 3号楼 独居老人", null,
                VolunteerTasks.Assignee.volunteer(gate.get(3)), now.plus(1, ChronoUnit.DAYS), by);
        tasks.decline(gate.get(3), directory.byId(gate.get(3)).orElseThrow().name(), declined, "当天要上夜班，时间冲突");
        var cancelled = tasks.create(community, TaskKind.OTHER, "整理东门登记台", null,
                VolunteerTasks.Assignee.volunteer(gate.get(4)), null, by);
        tasks.cancel(staff, cancelled);
        for (int i = 0; i < 3; i++) {
            var volunteer = delivery.get(i);
            var volunteerName = directory.byId(volunteer).orElseThrow().name();
            var task = tasks.create(community, TaskKind.DELIVER, "物资自提点分发爱心菜（第 " + (i + 1) + " 批）", null,
                    VolunteerTasks.Assignee.volunteer(volunteer), null, by);
            tasks.accept(volunteer, volunteerName, task);
            tasks.complete(volunteer, volunteerName, task, "按楼组分发完毕。", 60 + 30 * i, null);
        }

        // hours from before check-in by QR code: put in by staff from the paper sign-in sheets
        var paper = "扫码签到启用前的门岗值守，按纸质签到表补登";
        hours.correct(staff, me, 8 * 60, paper);
        hours.correct(staff, me, 8 * 60, paper);
        for (int i = 0; i < 10; i++) {
            hours.correct(staff, gate.get(i), (4 + (i * 7) % 9) * 60, paper);
        }
        certificates.issue(me);
        wellbeing.checkIn(login, List.of(2, 2, 1, 1, 1, 0), true);
    }

    // ---- 建设新村社区, 后湖街道 ----------------------------------------------------------------------------------

    private int[] wuhan(String community, Set<String> phones, Set<String> names) {
        var staff = required("staff-wuhan");
        var today = LocalDate.now(clock);
        var random = new SplittableRandom(settings.seed() * 1_000_003L + Long.parseLong(community) + 17);
        var people = new DemoApplicants(DemoCity.WUHAN, random, today, names, phones);
        var desk = new Desk(community, today, staff);
        var approved = new ArrayList<DemoApplicants.Applicant>();
        var patterns = DemoApplicants.Pattern.values();
        for (int i = 0; i < 6; i++) {
            approved.add(people.next(i < 4 ? DemoApplicants.of(GATE) : DemoApplicants.of(DELIVERY),
                    patterns[i % patterns.length], keen(i)));
        }
        desk.approve(desk.submitAll(approved, null));
        for (int i = 0; i < 8; i++) {
            desk.submit(people.next(i % 2 == 0 ? DemoApplicants.of(GATE) : DemoApplicants.of(DELIVERY, ELDER_CARE),
                    patterns[i % patterns.length], i % 3 == 0 ? DemoApplicants.Keenness.LOW
                            : DemoApplicants.Keenness.MIXED), null, null);
        }
        var volunteers = byName(staff, community);
        var team = teams.create(staff.scope(), community, "建设新村防控队", "小区门岗值守和物资配送");
        var members = approved.stream().map(a -> volunteers.get(a.name())).toList();
        teams.addMembers(staff.scope(), team, members);
        teams.setRoles(staff.scope(), team, members.getFirst(), true, true);
        return new int[] {desk.submitted, approved.size()};
    }

    // ---- the roster ------------------------------------------------------------------------------------------

    /**
     * Creates the 2-week roster from this week's Monday if there is none and solves it in the background; a
     * virtual thread waits for the solve, gives the volunteer login a few day shifts if the solver left them
     * without, and publishes. A roster left unsolved or unpublished by an earlier start is finished the same way.
     */
    private void publishRoster(String community, LiandongUser login) {
        if (!finishing.compareAndSet(false, true)) {
            return; // an earlier call in this run is already waiting for the solver
        }
        var staff = required("staff-fenglin");
        var existing = rosters.rosters(staff.scope(), community);
        var done = existing.stream().filter(r -> r.status() == RosterStatus.PUBLISHED).findFirst();
        if (done.isPresent()) {
            published.complete(done.get().id());
            return;
        }
        UUID id;
        if (existing.isEmpty()) {
            var monday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            id = rosters.create(staff, community, monday, ROSTER_WEEKS, ROSTER_TIME_LIMIT);
        } else {
            id = existing.getFirst().id();
            if (existing.getFirst().status() == RosterStatus.SOLVING
                    && rosters.progress(staff.scope(), id).isEmpty()) {
                rosters.solve(staff.scope(), id, ROSTER_TIME_LIMIT);
            }
        }
        var me = directory.byUser(login.userId()).orElseThrow().id();
        Thread.ofVirtual().name("demo-roster").start(() -> {
            try {
                waitForSolver(staff, id);
                giveShifts(staff, id, me);
                rosters.publish(staff.scope(), id);
                log.info("Demo data: roster {} of {} solved and published", id, community);
                published.complete(id);
            } catch (RuntimeException | InterruptedException e) {
                log.warn("Demo data: the demo roster could not be published", e);
                published.completeExceptionally(e);
            }
        });
    }

    private void waitForSolver(LiandongUser staff, UUID id) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (rosters.roster(staff.scope(), id).status() == RosterStatus.SOLVING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo roster is still solving");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Makes sure the volunteer login has day shifts from today on, as staff would by editing the draft: an
     * 08:00 seat on a day with no shift of theirs the day before, the same day or the day after, kept only if it
     * breaks no hard rule.
     */
    private void giveShifts(LiandongUser staff, UUID rosterId, UUID me) {
        var scope = staff.scope();
        var today = LocalDate.now(clock);
        var shifts = rosters.shifts(scope, rosterId);
        var myDays = new HashSet<LocalDate>();
        shifts.stream().filter(s -> me.equals(s.volunteerId())).forEach(s -> myDays.add(s.day()));
        long upcoming = myDays.stream().filter(d -> !d.isBefore(today)).count();
        for (var shift : shifts) {
            if (upcoming >= LOGIN_SHIFTS) {
                return;
            }
            var day = shift.day();
            if (day.isBefore(today.plusDays(1)) || !shift.start().toLocalTime().equals(LocalTime.of(6, 0))
                    || myDays.contains(day.minusDays(1)) || myDays.contains(day) || myDays.contains(day.plusDays(1))) {
                continue;
            }
            var breaches = rosters.reassign(scope, rosterId, shift.id(), me);
            if (breaches.stream().anyMatch(RosterSolver.Breach::hardRule)) {
                rosters.reassign(scope, rosterId, shift.id(), shift.volunteerId());
            } else {
                myDays.add(day);
                upcoming++;
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Active volunteers of a community by name (the demo's names are unique). */
    private Map<String, UUID> byName(LiandongUser staff, String community) {
        var out = new HashMap<String, UUID>();
        directory.activeIn(staff.scope(), community).forEach(v -> out.put(v.name(), v.id()));
        return out;
    }

    private @Nullable LiandongUser user(String username) {
        try {
            return (LiandongUser) users.loadUserByUsername(username);
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            return null;
        }
    }

    private LiandongUser required(String username) {
        var user = user(username);
        if (user == null) {
            throw new IllegalStateException("demo login " + username + " is missing");
        }
        return user;
    }

    /** Submits applications as the public page does and decides them as the vetting staff member. */
    private final class Desk {

        private final String community;
        private final LocalDate today;
        private final LiandongUser vetter;
        private int submitted;

        Desk(String community, LocalDate today, LiandongUser vetter) {
            this.community = community;
            this.today = today;
            this.vetter = vetter;
        }

        UUID submit(DemoApplicants.Applicant applicant, @Nullable String referrerPhone, @Nullable String healthNote) {
            var code = applications.submit(applicant.form(community, today, referrerPhone, healthNote));
            submitted++;
            return applications.status(applicant.phone(), code).orElseThrow().id();
        }

        List<UUID> submitAll(List<DemoApplicants.Applicant> applicants, @Nullable String referrerPhone) {
            var ids = new ArrayList<UUID>();
            applicants.forEach(a -> ids.add(submit(a, referrerPhone, null)));
            return ids;
        }

        void approve(List<UUID> ids) {
            var outcome = office.decide(vetter, ids, VolunteerOffice.Decision.APPROVE, null);
            if (outcome.decided() != ids.size()) {
                throw new IllegalStateException("demo approvals: " + outcome);
            }
        }
    }
}
