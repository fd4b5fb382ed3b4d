package org.liandong.demo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.liandong.account.Accounts;
import org.liandong.community.HouseholdDirectory;
import org.liandong.community.Places;
import org.liandong.notice.Audience;
import org.liandong.notice.NoticeCategory;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.board.NoticeBoard;
import org.liandong.notice.board.NoticeDraft;
import org.liandong.notice.board.NoticeFile;
import org.liandong.notice.cap.AlertForm;
import org.liandong.notice.cap.CapAlerts;
import org.liandong.notice.casenotice.CaseForm;
import org.liandong.notice.casenotice.CaseNotices;
import org.liandong.notice.guide.Guides;
import org.liandong.notice.rumour.RumourChecks;
import org.liandong.notice.thread.HouseholdThreads;
import org.liandong.notice.thread.TeamThreads;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.liandong.volunteer.Teams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Information release in 张家浜居委会, made through the notice module's own services as its staff, leaders,
 * residents, volunteer and expert would: pinned notices of several categories (one with a poster), a notice to
 * one building group and one to the volunteers, an anonymised case notice, a CAP alert, four guides (one revised),
 * rumour checks answered and open, household threads of which two wait for an answer, a team thread, and read
 * receipts confirmed by two of the three building-group leaders. Two more leaders (刘美华, 陈国强) are created
 * for 2号楼组 and 3号楼组 so the receipts have someone to wait for. All wording is our own.
 *
 * <p>Loaded once: the check is whether the community has any notice.
 */
@Component
@Order(40)
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoNotices implements DemoChapter {

    private static final Logger log = LoggerFactory.getLogger(DemoNotices.class);

    static final String POLICY = "关于小区实行封闭管理的通知";
    static final String RUMOUR = "听说自来水会传播病毒，家里的水还能直接用吗？";
    static final String[] EXTRA_LEADERS = {"leader-2", "刘美华", "leader-3", "陈国强"};

    private final NoticeBoard board;
    private final CaseNotices cases;
    private final CapAlerts alerts;
    private final Guides guides;
    private final RumourChecks rumours;
    private final HouseholdThreads threads;
    private final TeamThreads teamThreads;
    private final Teams teams;
    private final Places places;
    private final HouseholdDirectory households;
    private final Accounts accounts;
    private final DemoSettings settings;
    private final UserDetailsService users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DemoVolunteers volunteers;

    DemoNotices(NoticeBoard board, CaseNotices cases, CapAlerts alerts, Guides guides, RumourChecks rumours,
                HouseholdThreads threads, TeamThreads teamThreads, Teams teams, Places places,
                HouseholdDirectory households, Accounts accounts, DemoSettings settings, UserDetailsService users,
                TransactionTemplate tx, Clock clock, DemoVolunteers volunteers) {
        this.volunteers = volunteers;
        this.board = board;
        this.cases = cases;
        this.alerts = alerts;
        this.guides = guides;
        this.rumours = rumours;
        this.threads = threads;
        this.teamThreads = teamThreads;
        this.teams = teams;
        this.places = places;
        this.households = households;
        this.accounts = accounts;
        this.settings = settings;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "notices";
    }

    @Override
    public void load(Divisions divisions, DemoStory story) {
        var community = divisions.communitiesOf(DemoCity.SHANGHAI.streetCode()).getFirst().code();
        var staff = user("staff-fenglin");
        if (staff == null || places.community(community).isEmpty()) {
            log.warn("Demo notices: 张家浜居委会 or the staff login is missing, nothing loaded");
            return;
        }
        if (!board.ofCommunity(staff.scope(), community).isEmpty()) {
            return;
        }
        waitForTheRoster();
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> {
            var groups = households.buildingGroups(community);
            leaders(community, groups);
            var leaders = new ArrayList<LiandongUser>();
            for (var name : List.of("leader", EXTRA_LEADERS[0], EXTRA_LEADERS[2])) {
                var u = user(name);
                if (u != null) {
                    leaders.add(u);
                }
            }
            var notices = notices(staff, community, groups);
            var caseNotice = caseNotice(staff, community);
            alert(staff, community);
            // receipts: 孙建国 and 刘美华 confirmed the closure notice, 陈国强 not yet; the case notice only 孙建国
            for (int i = 0; i < Math.min(2, leaders.size()); i++) {
                board.read(leaders.get(i), notices.getFirst());
            }
            if (!leaders.isEmpty()) {
                board.read(leaders.getFirst(), caseNotice);
            }
            guides(staff);
            rumours(staff, story, leaders);
            threads(staff, community, story, leaders);
            teamThread(staff);
        });
        log.info("Demo data: notices, a case notice, a CAP alert, guides, rumour checks and threads in 张家浜居委会 in {} ms",
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The volunteers' roster is solved in the background for a fixed time right before this chapter; on a small
     * machine our fan-out would take CPU from the solver and leave the demo roster emptier. Only on the first load.
     */
    private void waitForTheRoster() {
        try {
            volunteers.rosterPublished().get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("Demo notices: not waiting for the roster any longer ({})", e.toString());
        }
    }

    /** Leaders for the second and third building groups, each living in the first household of their group. */
    private void leaders(String community, List<HouseholdDirectory.BuildingGroupView> groups) {
        for (int i = 0; i < 2 && i + 1 < groups.size(); i++) {
            var username = EXTRA_LEADERS[i * 2];
            if (accounts.exists(username)) {
                continue;
            }
            var home = households.ofBuildingGroup(groups.get(i + 1).id()).stream().findFirst().orElse(null);
            accounts.create(username, EXTRA_LEADERS[i * 2 + 1], settings.password(), Role.BUILDING_GROUP_LEADER,
                    List.of(), List.of(community), home);
        }
    }

    private List<UUID> notices(LiandongUser staff, String community,
                               List<HouseholdDirectory.BuildingGroupView> groups) {
        var today = LocalDate.now(clock.withZone(NoticeTime.ZONE));
        var ids = new ArrayList<UUID>();
        ids.add(board.publish(staff, draft(Audience.COMMUNITY, community, NoticeCategory.POLICY, POLICY, """
                根据街道防控要求，本小区自今日起实行封闭管理：
                一、小区只保留东门一个出入口，进出请出示出入证；
                二、每户每两天可派一人外出采购一次；
                三、快递和外卖统一放在东门临时货架，请按楼号领取；
                四、有发热、咳嗽等症状请先在“消息”里告诉居委会，不要自行前往医院。
                感谢大家的理解和配合。""", true, today.plusDays(14), List.of(poster()))));
        ids.add(board.publish(staff, draft(Audience.COMMUNITY, community, NoticeCategory.SERVICE,
                "爱心菜按楼组分时段领取", """
                本周六发放爱心菜，每户一份，按楼组分时段在物资自提点领取：
                1号楼组 9:00–9:30，2号楼组 9:30–10:00，3号楼组 10:00–10:30，其余楼组 10:30 以后。
                行动不便的独居老人由楼组长和志愿者送到门口，不需要预约。""", true, today.plusDays(5), List.of())));
        ids.add(board.publish(staff, draft(Audience.COMMUNITY, community, NoticeCategory.SCIENCE,
                "戴口罩的五个要点", """
                1. 口罩要盖住口鼻和下巴，鼻夹压紧；
                2. 摘口罩时只碰耳带，不碰外面；
                3. 一次性口罩连续戴 4 小时左右就换；
                4. 用过的口罩对折后放进“其他垃圾”桶；
                5. 戴口罩前后都要洗手。""", false, null, List.of())));
        ids.add(board.publish(staff, draft(Audience.COMMUNITY, community, NoticeCategory.GUIDE,
                "居家隔离指南已更新", "居委会整理了居家隔离、消毒、心理自助和求助办法四份指南，请在“防疫指南”里查看。",
                false, null, List.of())));
        if (!groups.isEmpty()) {
            ids.add(board.publish(staff, new NoticeDraft(Audience.BUILDING_GROUP, community, groups.getFirst().id(),
                    null, null, NoticeCategory.SERVICE, "1号楼组明早 8 点核酸采样",
                    "明天早上 8:00–9:00 在 1 号楼楼下采样，请带好手机上的采样码，排队时间隔一米。", false,
                    today.plusDays(1), List.of())));
        }
        ids.add(board.publish(staff, draft(Audience.VOLUNTEERS, community, NoticeCategory.SERVICE,
                "志愿者今晚 8 点线上例会", "今晚 8 点线上例会，讨论下周东门排班和送药分工。会议链接在团队消息里。", false,
                today.plusDays(1), List.of())));
        return ids;
    }

    private static NoticeDraft draft(Audience audience, String community, NoticeCategory category, String title,
                                     String body, boolean pinned, @Nullable LocalDate expires, List<NoticeFile> files) {
        return new NoticeDraft(audience, community, null, null, null, category, title, body.strip(), pinned, expires,
                files);
    }

    /** A plain poster (a green band on white), so the notice shows an image; drawn here, no text in it. */
    private static NoticeFile poster() {
        var image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 300);
        g.setColor(new Color(0x2e, 0x7d, 0x32));
        g.fillRect(0, 0, 600, 80);
        g.setColor(new Color(0xc6, 0x28, 0x28));
        g.fillOval(250, 130, 100, 100);
        g.setColor(Color.WHITE);
        g.fillRect(285, 150, 30, 60);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("could not draw the demo poster", e);
        }
        return NoticeFile.of("封闭管理示意.png", out.toByteArray());
    }

    private UUID caseNotice(LiandongUser staff, String community) {
        var building = places.buildings(community).getFirst();
        var yesterday = LocalDate.now(clock.withZone(NoticeTime.ZONE)).minusDays(1);
        return cases.publish(staff, new CaseForm(community, building.id(), yesterday.toString(), "CONFIRMED",
                List.of("FEVER", "COUGH"), "38.6 38.4 37.9 37.2", "已由救护车转运至定点医院治疗，同住人员居家观察。"));
    }

    private void alert(LiandongUser staff, String community) {
        alerts.publish(staff, new AlertForm(community, "COMMUNITY", "Health", "Immediate", "Severe", "Observed",
                "新增确诊病例", "New confirmed case", "本社区新增一例确诊病例，请减少外出",
                "A new confirmed case in the community: please stay at home",
                "社区内新增一例确诊病例，已转运治疗。所在楼组已完成消杀。",
                "A resident has been confirmed and taken to hospital. The building group has been disinfected.",
                "请留在家中，如有发热、咳嗽请在联动“消息”里告诉居委会。",
                "Stay at home; if you have a fever or cough, tell the committee in Liandong's Messages.",
                LocalDate.now(clock.withZone(NoticeTime.ZONE)).plusDays(3).atTime(20, 0).toString()));
    }

    private void guides(LiandongUser staff) {
        var home = guides.create(staff, "HOME_QUARANTINE", "居家隔离怎么做", """
                单独住一个房间，门关上，每天开窗通风两次，每次半小时。
                每天早晚各量一次体温，写下来，在联动里按时打卡。
                尽量不和家人同桌吃饭；用过的餐具单独清洗、煮沸消毒。
                垃圾装袋扎紧，放在门口，由志愿者统一收走。
                出现发热、咳嗽、气短，先告诉居委会，由社区安排就医。""");
        guides.revise(staff, home, 1, "居家隔离怎么做", """
                单独住一个房间，门关上，每天开窗通风两次，每次半小时。
                每天早晚各量一次体温，写下来，在联动里按时打卡；漏打卡社工会打电话来问。
                尽量不和家人同桌吃饭；用过的餐具单独清洗、煮沸消毒。
                垃圾装袋扎紧，放在门口，由志愿者统一收走。
                出现发热、咳嗽、气短，先告诉居委会，由社区安排就医。""", "补充：漏打卡会有人联系");
        guides.create(staff, "DISINFECTION", "家里怎么消毒", """
                门把手、电梯按钮这样常碰的地方，用含氯消毒液（比如 84 消毒液按说明稀释）擦拭，30 分钟后用清水擦净。
                消毒液不要和洁厕灵混用，会产生有害气体。
                衣物、毛巾可以 60 °C 以上热水洗，或者在阳光下晒。
                酒精只用来擦小件物品和手，远离明火。""");
        guides.create(staff, "MENTAL_HEALTH", "心里不踏实的时候", """
                封闭在家感到焦虑、睡不好，是很常见的反应。
                给自己定一个作息：按时起床、吃饭、活动身体。
                每天只在固定时间看一两次疫情消息，不反复刷。
                和家人、朋友通电话，说说自己的感受。
                如果连续两周情绪低落、什么都不想做，请在联动里告诉社工，我们会请心理老师和您聊。""");
        guides.create(staff, "GETTING_HELP", "需要帮助时找谁", """
                缺药、缺菜、家里老人没人照顾：在联动“求助”里说明，或者打居委会电话。
                急病请直接拨打 120，再告诉居委会。
                楼组长认识楼里每一户，也可以先找楼组长。
                不会用手机的老人，请邻居或楼组长帮忙登记。""");
    }

    private void rumours(LiandongUser staff, DemoStory story, List<LiandongUser> leaders) {
        var resident = user(story.guardianPhone());
        var expert = user("expert");
        if (resident == null || expert == null) {
            return;
        }
        var water = rumours.submit(resident, RUMOUR);
        rumours.answer(expert, water, "FALSE", """
                不会。自来水厂的混凝、过滤和加氯消毒能够杀灭病毒，目前没有通过自来水传播的证据。
                烧开后饮用更放心，不需要囤水。""", "https://www.who.int/emergencies/diseases/novel-coronavirus-2019");
        var alcohol = rumours.submit(resident, "喝高度白酒能预防感染吗？");
        rumours.answer(expert, alcohol, "FALSE", "不能。喝酒不能杀灭体内的病毒，反而伤身体。预防靠戴口罩、勤洗手、少聚集。",
                "国家卫生健康委员会科普问答");
        var delivery = rumours.submit(resident, "听说小区门口的快递货架会传染，是真的吗？");
        rumours.answer(staff, delivery, "UNCLEAR", "目前没有发现通过快递包装传染的病例。取快递时戴口罩，拆完洗手即可；居委会每天对货架消杀两次。",
                "社区卫生服务中心");
        if (!leaders.isEmpty()) {
            rumours.submit(leaders.getFirst(), "听说下周起全区停止快递配送，是真的吗？");
        }
        rumours.submit(resident, "东门是不是下周也要关？");
    }

    private void threads(LiandongUser staff, String community, DemoStory story, List<LiandongUser> leaders) {
        var guardian = user(story.guardianPhone());
        if (guardian != null) {
            threads.writeAsHousehold(guardian, "家里孩子的药还能吃一周，下周需要去医院开药，封闭期间怎么办？");
            var mine = threads.ofCommunity(staff.scope(), community, true).stream()
                    .filter(t -> guardian.householdId().map(t.householdId()::equals).orElse(false)).findFirst();
            mine.ifPresent(t -> threads.answer(staff, t.id(), "我们登记了，周三安排社区医生上门开药，到时会先打电话给您。"));
        }
        if (!leaders.isEmpty()) {
            threads.writeAsHousehold(leaders.getFirst(), "1号楼 5 楼的灯坏了，晚上送菜的志愿者看不清楼梯。");
        }
        if (leaders.size() > 1) {
            threads.writeAsHousehold(leaders.get(1), "我们家老人降压药只剩三天了，能不能帮忙代买？");
        }
    }

    private void teamThread(LiandongUser staff) {
        var volunteer = user("volunteer");
        if (volunteer == null) {
            return;
        }
        var team = teams.teamsOf(volunteer.userId()).stream().findFirst();
        team.ifPresent(t -> {
            teamThreads.write(volunteer, t.teamId(), "今晚东门我可以多站一小时，还缺人吗？");
            teamThreads.write(staff, t.teamId(), "谢谢！缺一个人，九点到十点，辛苦你了。");
        });
    }

    private @Nullable LiandongUser user(String username) {
        try {
            return (LiandongUser) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
