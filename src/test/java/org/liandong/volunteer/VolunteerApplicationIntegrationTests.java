package org.liandong.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

@LiandongTest
class VolunteerApplicationIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Applications applications;
    @Autowired UserDetailsService users;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    String submit(MultiValueMap<String, String> params) throws Exception {
        return (String) submitted(params).getFlashMap().get("code");
    }

    MvcResult submitted(MultiValueMap<String, String> params) throws Exception {
        return mvc.perform(post("/volunteer/apply").params(params).with(csrf()))
                .andExpect(redirectedUrl("/volunteer/apply/submitted")).andExpect(flash().attributeExists("code"))
                .andReturn();
    }

    long applicationsWithPhone(String phone) {
        return jdbc.sql("select count(*) from volunteer_application where phone = :p").param("p", phone)
                .query(Long.class).single();
    }

    void refused(MultiValueMap<String, String> params, String expected, Locale locale) throws Exception {
        var phone = params.getFirst("phone");
        long before = jdbc.sql("select count(*) from volunteer_application").query(Long.class).single();
        mvc.perform(post("/volunteer/apply").params(params).locale(locale)
                        .param("lang", locale.getLanguage().equals("en") ? "en" : "zh_CN").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(expected)));
        assertThat(jdbc.sql("select count(*) from volunteer_application").query(Long.class).single())
                .as("nothing written for " + expected).isEqualTo(before);
        if (phone != null && phone.matches("\\d{11}")) {
            assertThat(applicationsWithPhone(phone)).isZero();
        }
    }

    @Test
    void aResidentAppliesWithoutAnAccountAndGetsAReferenceCode() throws Exception {
        mvc.perform(get("/volunteer/apply")).andExpect(status().isOk())
                .andExpect(content().string(containsString(street.a().name())));
        var params = ApplicationParams.valid(street.a().id());
        var posted = submitted(params);
        var code = (String) posted.getFlashMap().get("code");
        assertThat(code).matches("[" + ReferenceCode.ALPHABET + "]{8}");
        // the flash lives in the (database) session: follow the redirect with the session cookie
        mvc.perform(get("/volunteer/apply/submitted").cookie(posted.getResponse().getCookies())).andExpect(status().isOk())
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/volunteer/apply/submitted")).andExpect(redirectedUrl("/volunteer/status"));
        var row = jdbc.sql("select * from volunteer_application where phone = :p").param("p", params.getFirst("phone"))
                .query((rs, n) -> {
                    var values = new ArrayList<String>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        values.add(String.valueOf(rs.getObject(i)));
                    }
                    return values;
                }).single();
        // the ID number is stored only encrypted and as a keyed hash: no column holds it, not even partly
        var idNumber = params.getFirst("idNumber");
        assertThat(row).noneMatch(v -> v.contains(idNumber) || v.contains(idNumber.substring(0, 14)));
        var status = jdbc.sql("select status from volunteer_application where reference_code = :c").param("c", code)
                .query(String.class).single();
        assertThat(status).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("""
                select count(*) from volunteer_application_event e join volunteer_application a on a.id = e.application_id
                where a.reference_code = :c and e.status = 'SUBMITTED'""").param("c", code).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from volunteer_application_skill s join volunteer_application a on a.id = s.application_id
                where a.reference_code = :c""").param("c", code).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void everyBadInputGetsAClearMessageAndNothingIsWritten() throws Exception {
        var zh = Locale.SIMPLIFIED_CHINESE;
        var en = Locale.ENGLISH;
        var a = street.a().id();
        var valid = ApplicationParams.valid(a);
        var id = valid.getFirst("idNumber");
        refused(ApplicationParams.with(valid, "idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1')),
                "校验位", zh);
        var birth = java.time.LocalDate.parse(valid.getFirst("birthDate"));
        refused(ApplicationParams.with(valid, "birthDate", birth.minusDays(2).toString()), "出生日期与身份证号不一致", zh);
        refused(ApplicationParams.with(valid, "sex", "M".equals(valid.getFirst("sex")) ? "F" : "M"),
                "The sex does not match the ID number", en);
        refused(ApplicationParams.aged(a, 15), "志愿者须年满 18 周岁且不超过 70 周岁", zh);
        refused(ApplicationParams.aged(a, 17), "Under 18: please confirm your guardian agrees", en);
        refused(ApplicationParams.with(valid, "availability"), "请至少勾选一个有空的时段", zh);
        refused(ApplicationParams.with(valid, "categories", "MEDICAL"), "This category needs a certificate number", en);
        refused(ApplicationParams.with(valid, "availableUntil", birth.toString()), "结束日期不能早于开始日期", zh);
        refused(ApplicationParams.with(valid, "phone", "1234567"), "11 位大陆手机号", zh);
        refused(ApplicationParams.with(valid, "consent"), "须同意使用信息才能报名", zh);
        refused(ApplicationParams.with(valid, "name", "很长的名字".repeat(11)), "At most 50 characters", en);
        refused(ApplicationParams.with(valid, "healthNote", "x".repeat(301)), "最多 300 个字", zh);
        refused(ApplicationParams.with(valid, "communityId", "999999999999"), "请选择所在社区", zh);
        refused(ApplicationParams.with(valid, "hoursPerWeek", "0"), "Hours per week must be between 1 and 60", en);
        refused(ApplicationParams.with(valid, "referrerPhone", "13800000000"), "没有找到用这个手机号登记的志愿者", zh);
        // HTML in the name is refused and shown back escaped, never executed
        var html = ApplicationParams.with(valid, "name", "<script>alert(1)</script>");
        mvc.perform(post("/volunteer/apply").params(html).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        // junk never answers 500
        mvc.perform(post("/volunteer/apply").param("availability", "9-9", "x").param("answer.why", "z".repeat(5000))
                .param("birthDate", "yesterday").with(csrf())).andExpect(status().isOk());
        assertThat(applicationsWithPhone(valid.getFirst("phone"))).isZero();
    }

    @Test
    void theSamePersonOrPhoneCannotApplyTwice() throws Exception {
        var first = ApplicationParams.valid(street.a().id());
        submit(first);
        var samePerson = ApplicationParams.with(first, "phone", "1391" + first.getFirst("phone").substring(4));
        refused(samePerson, "这个身份证号已有一份待审核或已通过的报名", Locale.SIMPLIFIED_CHINESE);
        var samePhone = ApplicationParams.with(ApplicationParams.valid(street.b().id()), "phone", first.getFirst("phone"));
        mvc.perform(post("/volunteer/apply").params(samePhone).param("lang", "en").with(csrf()))
                .andExpect(content().string(containsString("already used by someone else")));
        assertThat(applicationsWithPhone(first.getFirst("phone"))).isEqualTo(1);
    }

    @Test
    void statusLookUpNeedsTheRightPhoneAndCodeAndSaysNothingOtherwise() throws Exception {
        var params = ApplicationParams.valid(street.a().id());
        var code = submit(params);
        var phone = params.getFirst("phone");
        mvc.perform(get("/volunteer/status")).andExpect(status().isOk());
        mvc.perform(post("/volunteer/status").param("phone", phone).param("code", code.toLowerCase(Locale.ROOT))
                .with(csrf())).andExpect(content().string(containsString("待审核")));
        var notFound = "没有找到这份报名，请核对手机号和查询码";
        var otherCode = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
        mvc.perform(post("/volunteer/status").param("phone", phone).param("code", otherCode).with(csrf()))
                .andExpect(content().string(containsString(notFound)));
        mvc.perform(post("/volunteer/status").param("phone", "13900001111").param("code", code).with(csrf()))
                .andExpect(content().string(containsString(notFound)));
        mvc.perform(post("/volunteer/status").param("phone", "<x>").param("code", "").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(notFound)));
    }

    @Test
    void staffOfAnotherCommunityNeitherSeeNorDecide() throws Exception {
        var params = ApplicationParams.valid(street.a().id());
        submit(params);
        var id = idOf(params);
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(get("/volunteer/applications").with(user(staffA)))
                .andExpect(content().string(containsString(params.getFirst("name"))));
        mvc.perform(get("/volunteer/applications").param("status", "").with(user(staffB)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(params.getFirst("name")))));
        mvc.perform(get("/volunteer/applications/{id}", id).with(user(staffB))).andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/applications/decide").param("ids", id.toString()).param("decision", "APPROVE")
                .with(user(staffB)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/applications/{id}/note", id).param("note", "x").with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/applications").with(user(users.loadUserByUsername(fixtures.residentAccount(street.a())))))
                .andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        // staff A see the application with its masked ID number and history
        mvc.perform(get("/volunteer/applications/{id}", id).with(user(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("**********")))
                .andExpect(content().string(not(containsString(params.getFirst("idNumber")))));
    }

    @Test
    void aBatchOfThreeHundredIsApprovedInOneRequestSkippingThoseAlreadyDecided() throws Exception {
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 300; i++) {
            var params = ApplicationParams.valid(street.a().id());
            applications.submit(ApplicationParams.form(params));
            ids.add(idOf(params));
        }
        mvc.perform(post("/volunteer/applications/decide").param("ids", ids(ids.subList(0, 3)))
                        .param("decision", "REJECT").param("reason", "名额已满").with(user(staffA)).with(csrf()))
                .andExpect(flash().attributeExists("outcome"));
        long started = System.nanoTime();
        var result = mvc.perform(post("/volunteer/applications/decide").param("ids", ids(ids)).param("decision", "APPROVE")
                        .param("back", "status=SUBMITTED&sort=SCORE").with(user(staffA)).with(csrf()))
                .andExpect(redirectedUrl("/volunteer/applications?status=SUBMITTED&sort=SCORE")).andReturn();
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("approved 297 of 300 applications in %.1f s%n", seconds);
        assertThat(seconds).as("a batch of 300 takes seconds, not minutes").isLessThan(60);
        var outcome = (VolunteerOffice.Outcome) result.getFlashMap().get("outcome");
        assertThat(outcome.decided()).isEqualTo(297);
        assertThat(outcome.alreadyDecided()).isEqualTo(3);
        assertThat(count("select count(*) from volunteer where community_id = :c", street.a().id())).isEqualTo(297);
        assertThat(count("""
                select count(*) from user_account u join volunteer v on v.user_id = u.id
                where v.community_id = :c and u.role = 'VOLUNTEER' and u.username = v.phone""", street.a().id()))
                .isEqualTo(297);
        assertThat(count("""
                select count(*) from volunteer_application_event e join volunteer_application a on a.id = e.application_id
                where a.community_id = :c and e.status = 'APPROVED'""", street.a().id())).isEqualTo(297);
        assertThat(count("select count(*) from volunteer_skill s join volunteer v on v.id = s.volunteer_id "
                + "where v.community_id = :c", street.a().id())).isEqualTo(297 * 2);
        assertThat(count("select count(*) from audit_entry where action = 'APPROVE_VOLUNTEER' and community_id = :c",
                street.a().id())).isEqualTo(297);
        // a second click on the same batch decides nothing more
        var again = mvc.perform(post("/volunteer/applications/decide").param("ids", ids(ids)).param("decision", "APPROVE")
                .with(user(staffA)).with(csrf())).andReturn();
        assertThat(((VolunteerOffice.Outcome) again.getFlashMap().get("outcome")).alreadyDecided()).isEqualTo(300);
    }

    @Test
    void aResidentWithAnAccountWhoIsApprovedKeepsItAndGainsTheVolunteerPages() throws Exception {
        var phone = fixtures.residentAccount(street.a());
        var params = ApplicationParams.valid(street.a().id());
        params.set("phone", phone);
        var code = submit(params);
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        var approved = mvc.perform(post("/volunteer/applications/decide").param("ids", idOf(params).toString())
                        .param("decision", "APPROVE").with(user(staffA)).with(csrf())).andReturn();
        assertThat(((VolunteerOffice.Outcome) approved.getFlashMap().get("outcome")).decided()).isEqualTo(1);

        assertThat(count("select count(*) from user_account where username = :c", phone)).as("no second account")
                .isEqualTo(1);
        var resident = (org.liandong.platform.LiandongUser) users.loadUserByUsername(phone);
        assertThat(resident.role()).isEqualTo(org.liandong.platform.Role.RESIDENT);
        assertThat(resident.roles()).contains(org.liandong.platform.Role.RESIDENT, org.liandong.platform.Role.VOLUNTEER);
        assertThat(resident.householdId()).as("the household stays linked").isPresent();
        // the same password still works, and the volunteer pages open next to the resident's own
        mvc.perform(formLogin("/login").user(phone).password(Fixtures.PASSWORD)).andExpect(authenticated());
        mvc.perform(get("/volunteer/me/tasks").with(user(users.loadUserByUsername(phone)))).andExpect(status().isOk());
        mvc.perform(get("/my/household").with(user(users.loadUserByUsername(phone)))).andExpect(status().isOk());
        // the status page does not offer to set a password over the one they have
        mvc.perform(post("/volunteer/status").param("phone", phone).param("code", code).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("name=\"password\""))))
                .andExpect(content().string(containsString("/login")));
        assertThat(jdbc.sql("select count(*) from volunteer where user_id = :u").param("u", resident.userId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rejectingNeedsAReasonWhichTheApplicantSees() throws Exception {
        var params = ApplicationParams.valid(street.a().id());
        var code = submit(params);
        var id = idOf(params);
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(post("/volunteer/applications/{id}/decide", id).param("decision", "REJECT").param("reason", " ")
                .with(user(staffA)).with(csrf())).andExpect(flash().attribute("problem", "不通过或暂缓须填写原因"));
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        mvc.perform(post("/volunteer/applications/{id}/decide", id).param("decision", "REJECT")
                        .param("reason", "本社区门岗已满员，请关注下一次招募").with(user(staffA)).with(csrf()))
                .andExpect(redirectedUrl("/volunteer/applications/" + id));
        assertThat(statusOf(id)).isEqualTo("REJECTED");
        mvc.perform(post("/volunteer/status").param("phone", params.getFirst("phone")).param("code", code).with(csrf()))
                .andExpect(content().string(containsString("未通过")))
                .andExpect(content().string(containsString("本社区门岗已满员，请关注下一次招募")));
        mvc.perform(get("/volunteer/applications/{id}", id).with(user(staffA)))
                .andExpect(content().string(containsString("本社区门岗已满员")));
        // a rejected person may apply again
        submit(ApplicationParams.with(params, "name", "再次申请"));
    }

    @Test
    void anApprovedApplicantChoosesAPasswordOnceAndSignsIn() throws Exception {
        var params = ApplicationParams.valid(street.a().id());
        var code = submit(params);
        var phone = params.getFirst("phone");
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(post("/volunteer/applications/{id}/note", idOf(params)).param("note", "电话面谈，很合适")
                .with(user(staffA)).with(csrf())).andExpect(flash().attribute("ok", "volunteer.vetting.note-saved"));
        mvc.perform(post("/volunteer/applications/{id}/decide", idOf(params)).param("decision", "APPROVE")
                .with(user(staffA)).with(csrf()));
        mvc.perform(post("/volunteer/status/password").param("phone", phone).param("code", code)
                        .param("password", "short").param("passwordAgain", "short").with(csrf()))
                .andExpect(content().string(containsString("8")));
        mvc.perform(post("/volunteer/status/password").param("phone", phone).param("code", code)
                        .param("password", "my-own-pass-1").param("passwordAgain", "my-own-pass-1").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("密码已设置")));
        mvc.perform(formLogin("/login").user(phone).password("my-own-pass-1")).andExpect(authenticated());
        // once only: the code cannot be used to take the account over later
        mvc.perform(post("/volunteer/status/password").param("phone", phone).param("code", code)
                        .param("password", "taken-over-1").param("passwordAgain", "taken-over-1").with(csrf()))
                .andExpect(content().string(containsString("这份报名现在不能设置密码")));
        var volunteer = users.loadUserByUsername(phone);
        mvc.perform(get("/volunteer/me/teams").with(user(volunteer))).andExpect(status().isOk());
    }

    @Test
    void teamsAreBuiltFromApprovedVolunteersOfTheCommunityWithLeadersFirst() throws Exception {
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        var ids = new ArrayList<UUID>();
        var phones = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var params = ApplicationParams.valid(street.a().id());
            applications.submit(ApplicationParams.form(params));
            ids.add(idOf(params));
            phones.add(params.getFirst("phone"));
        }
        mvc.perform(post("/volunteer/applications/decide").param("ids", ids(ids)).param("decision", "APPROVE")
                .with(user(staffA)).with(csrf()));
        var create = mvc.perform(post("/volunteer/teams").param("communityId", street.a().id()).param("name", "一号门岗队")
                .param("purpose", "守好东门").with(user(staffA)).with(csrf())).andReturn();
        var teamUrl = create.getResponse().getRedirectedUrl();
        assertThat(teamUrl).startsWith("/volunteer/teams/");
        mvc.perform(post("/volunteer/teams").param("communityId", street.a().id()).param("name", "一号门岗队")
                .with(user(staffA)).with(csrf())).andExpect(flash().attribute("problem", "本社区已有同名队伍"));
        mvc.perform(post("/volunteer/teams").param("communityId", street.a().id()).param("name", "越权队")
                .with(user(staffB)).with(csrf())).andExpect(status().isNotFound());
        var volunteerIds = jdbc.sql("select id from volunteer where application_id in (:ids) order by name")
                .param("ids", ids).query(UUID.class).list();
        mvc.perform(post(teamUrl + "/members").param("volunteerIds", ids(volunteerIds)).with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("added", 3));
        mvc.perform(post(teamUrl + "/members/" + volunteerIds.get(2) + "/roles").param("leader", "true")
                .with(user(staffA)).with(csrf()));
        mvc.perform(get(teamUrl).with(user(staffB))).andExpect(status().isNotFound());
        var page = mvc.perform(get(teamUrl).with(user(staffA))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        var leaderName = jdbc.sql("select name from volunteer where id = :id").param("id", volunteerIds.get(2))
                .query(String.class).single();
        var otherName = jdbc.sql("select name from volunteer where id = :id").param("id", volunteerIds.get(0))
                .query(String.class).single();
        assertThat(page.indexOf(leaderName)).isLessThan(page.indexOf(otherName));
        assertThat(page).contains(phones.get(0).substring(0, 3) + "****").doesNotContain(phones.get(0));
        var volunteer = users.loadUserByUsername(phones.get(0));
        mvc.perform(get("/volunteer/me/teams").with(user(volunteer)))
                .andExpect(content().string(containsString("一号门岗队")));
        mvc.perform(post(teamUrl + "/members/" + volunteerIds.get(0) + "/remove").with(user(staffA)).with(csrf()));
        mvc.perform(get("/volunteer/me/teams").with(user(volunteer)))
                .andExpect(content().string(not(containsString("一号门岗队"))));
    }

    @Test
    void savedViewsAndFiltersOfTheQueue() throws Exception {
        var staffA = users.loadUserByUsername(street.a().staffUsername());
        mvc.perform(post("/volunteer/applications/views").param("name", "高分门岗").param("status", "SUBMITTED")
                .param("category", "GATE").param("minScore", "80").with(user(staffA)).with(csrf()));
        mvc.perform(get("/volunteer/applications").with(user(staffA)))
                .andExpect(content().string(containsString("高分门岗")))
                .andExpect(content().string(containsString("category=GATE&amp;minScore=80")));
        mvc.perform(get("/volunteer/applications").param("minScore", "abc").param("status", "NOPE").param("page", "-4")
                .param("category", "<x>").param("sort", "x").header("HX-Request", "true").with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void oddRequestsNeverAnswerServerErrors() throws Exception {
        var admin = users.loadUserByUsername(street.streetAdminUsername());
        mvc.perform(post("/volunteer/applications/decide").param("ids", "not-a-uuid").param("decision", "APPROVE")
                .with(user(admin)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/volunteer/applications/decide").param("decision", "MAYBE").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/volunteer/applications/decide").param("decision", "APPROVE").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute("problem", "请先勾选报名"));
        mvc.perform(get("/volunteer/applications/{id}", UUID.randomUUID()).with(user(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/teams").param("communityId", "").param("name", "x").with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/teams").param("communityId", street.a().id()).param("name", "队".repeat(80))
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/volunteer/teams/{id}", UUID.randomUUID()).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/status/password").param("phone", "13800000000").param("code", "ABCDEFGH")
                .param("password", "x".repeat(100)).param("passwordAgain", "x".repeat(100)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    private UUID idOf(MultiValueMap<String, String> params) {
        return jdbc.sql("select id from volunteer_application where phone = :p").param("p", params.getFirst("phone"))
                .query(UUID.class).single();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from volunteer_application where id = :id").param("id", id)
                .query(String.class).single();
    }

    private long count(String sql, String community) {
        return jdbc.sql(sql).param("c", community).query(Long.class).single();
    }

    private static String[] ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
