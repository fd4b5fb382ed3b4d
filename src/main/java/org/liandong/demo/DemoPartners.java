package org.liandong.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.liandong.partner.Contracts;
import org.liandong.partner.CoordinationBoard;
import org.liandong.partner.OrganisationKind;
import org.liandong.partner.PartnerPortal;
import org.liandong.partner.Partners;
import org.liandong.partner.ServiceDirectory;
import org.liandong.partner.ServiceNeed;
import org.liandong.platform.LiandongUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partners of 枫林路街道 (SCENARIOS.md steps 2 and 10): the social-work agency the street contracts, with its
 * purchased-service contract; a foundation, an enterprise and a community health centre; their services in the
 * directory; open needs of 张家浜居委会 and its neighbour; and the foundation's 5,000 masks matched to both
 * communities' needs and handed over, so they stand in both communities' public ledgers. The foundation's contact
 * signs in as {@code partner-renai}. All through the partner module's own services, as the street admin.
 */
@Component
@Order(50)
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoPartners implements DemoChapter {

    static final String AGENCY = "枫林社会工作服务社";
    static final String FOUNDATION = "仁爱公益基金会";
    static final String ENTERPRISE = "鲜丰生活超市";
    static final String HOSPITAL = "枫林社区卫生服务中心";
    static final String PARTNER_LOGIN = "partner-renai";

    private final Partners partners;
    private final Contracts contracts;
    private final ServiceDirectory directory;
    private final CoordinationBoard board;
    private final PartnerPortal portal;
    private final UserDetailsService users;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoPartners(Partners partners, Contracts contracts, ServiceDirectory directory, CoordinationBoard board,
                 PartnerPortal portal, UserDetailsService users, TransactionTemplate tx,
                 Clock clock) {
        this.partners = partners;
        this.contracts = contracts;
        this.directory = directory;
        this.board = board;
        this.portal = portal;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "partners";
    }

    @Override
    public void load(Divisions divisions, DemoStory story) {
        var street = DemoCity.SHANGHAI.streetCode();
        var admin = (LiandongUser) users.loadUserByUsername("street-fenglin");
        if (partners.list(admin.scope(), null, null).stream().anyMatch(o -> o.name().equals(AGENCY))) {
            return;
        }
        var communities = divisions.communitiesOf(street);
        var zhangjiabang = communities.get(0).code();
        var neighbour = communities.get(1).code();
        tx.executeWithoutResult(status -> load(admin, street, zhangjiabang, neighbour));
    }

    private void load(LiandongUser admin, String street, String zhangjiabang, String neighbour) {
        var both = List.of(zhangjiabang, neighbour);
        var agency = organisation(admin, street, OrganisationKind.SOCIAL_WORK_AGENCY, AGENCY,
                "街道购买服务的专业社工机构，驻点张家浜等社区，负责困难群体个案、志愿者招募审核和社区韧性评估。",
                "021-64381200", both);
        partners.addContact(admin.scope(), agency, "林静", "项目主管", "13916620451", "linjing@fenglin-sw.example.org");
        var today = LocalDate.now(clock);
        var contract = contracts.sign(admin, agency, "枫林路街道社区社会工作服务项目（2026 年度）",
                today.minusMonths(3).withDayOfMonth(1).toString(), today.plusMonths(9).withDayOfMonth(1).toString(),
                "680000.00", "独居老人和困难家庭个案服务 120 户；志愿者招募与培训 4 期；社区韧性基线和复盘评估各 1 次。",
                both);
        contracts.report(admin, contract, "25", "完成困难家庭走访 46 户，招募志愿者 60 人。");

        var foundation = organisation(admin, street, OrganisationKind.FOUNDATION, FOUNDATION,
                "长期支持社区防疫物资和困难家庭的公益基金会。", "021-64001234", both);
        var enterprise = organisation(admin, street, OrganisationKind.ENTERPRISE, ENTERPRISE,
                "社区连锁超市，封控期间为楼组团购配送蔬菜包。", "021-64056789", both);
        var hospital = organisation(admin, street, OrganisationKind.HOSPITAL, HOSPITAL,
                "社区卫生服务中心：慢病配药、家庭医生签约和上门巡诊。", "021-64388120", both);

        directory.add(admin.scope(), agency, service("独居老人和困难家庭个案服务", ServiceNeed.SOCIAL_WORK,
                "社工上门评估，制定服务计划，链接助餐、助医和心理支持。", "本街道独居老人、残障人士和困难家庭", null,
                "工作日 9:00–17:00", "打电话或由居委会转介", "021-64381200", "张家浜社工站", "枫林路 120 弄 3 号",
                zhangjiabang));
        directory.add(admin.scope(), agency, service("心理疏导热线", ServiceNeed.PSYCHOLOGICAL_SUPPORT,
                "社工和心理咨询师接听，必要时转介危机干预专家。", null, null, "每天 8:00–22:00", "直接拨打",
                "021-64381211", null, null, null));
        directory.add(admin.scope(), enterprise, service("蔬菜包配送到小区门口", ServiceNeed.FOOD,
                "楼组长汇总团购，超市次日配送到小区门口，由志愿者送到楼下。", null, null, "每天 14:00 前下单",
                "请楼组长在团购群下单", "021-64056789", null, null, null));
        directory.add(admin.scope(), hospital, service("慢病长处方配药", ServiceNeed.MEDICINE,
                "高血压、糖尿病等慢病患者可开具长处方，行动不便的由家庭医生上门。", "本街道签约家庭医生的居民", 18,
                "周一至周六 8:00–16:30", "带医保卡到中心，或请居委会登记上门", "021-64388120", "枫林社区卫生服务中心",
                "枫林路 180 号", neighbour));

        // the street's board: what the two communities lack, and the foundation's masks matched to both
        var masksA = board.postNeed(admin, zhangjiabang, "GOODS", "医用口罩", "3000", "只", true, "独居老人和门岗志愿者优先");
        var masksB = board.postNeed(admin, neighbour, "GOODS", "医用口罩", "2000", "只", false, null);
        board.postNeed(admin, zhangjiabang, "PEOPLE", "送药志愿者", "6", "人", true, "为独居老人跑腿配药");
        board.postNeed(admin, neighbour, "GOODS", "消毒液", "40", "桶", false, "楼道消杀");
        var masks = board.recordOffer(admin, foundation, "GOODS", "一次性医用口罩", "5000", "只", "由社区统一发放，独居老人优先",
                null);
        board.handOver(admin, board.match(admin, masks, masksA, "3000"), "何敏");
        board.handOver(admin, board.match(admin, masks, masksB, "2000"), "居委会主任");
        board.recordOffer(admin, enterprise, "GOODS", "蔬菜包", "800", "份", "工作日配送到小区门口", null);
        board.recordOffer(admin, hospital, "PEOPLE", "家庭医生上门巡诊", "2", "人", "每周二、四下午", null);

        portal.link(admin, foundation, PARTNER_LOGIN, "刘芳"); // the login itself is one of DemoAccounts' logins
    }

    private UUID organisation(LiandongUser admin, String street, OrganisationKind kind, String name,
                              String description, String phone, List<String> communities) {
        var id = partners.register(admin, new Partners.NewOrganisation(street, kind.name(), name, null, description,
                null, null, phone));
        partners.serve(admin.scope(), id, communities);
        partners.review(admin, id, "APPROVED", null);
        return id;
    }

    private static ServiceDirectory.NewService service(String name, ServiceNeed need, String description,
                                                       String eligibility, Integer minimumAge, String schedule,
                                                       String how, String phone, String place, String address,
                                                       String placeCommunity) {
        return new ServiceDirectory.NewService(name, need.name(), description, eligibility,
                minimumAge == null ? null : minimumAge.toString(), null, true, null, Set.of("zh", "wuu"), schedule,
                how, phone, null, null, place, address, placeCommunity, Set.of());
    }
}
