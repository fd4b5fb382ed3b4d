package org.liandong.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;

class VolunteerApplicationValidationUnitTests {

    static final String COMMUNITY = "310104001001";
    final LocalDate today = LocalDate.now();

    List<String> problems(MultiValueMap<String, String> params) {
        var refused = catchThrowableOfType(ApplicationRefused.class,
                () -> ApplicationCheck.check(ApplicationParams.form(params), today));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    MultiValueMap<String, String> valid() {
        return ApplicationParams.valid(COMMUNITY);
    }

    @Test
    void aValidApplicationPassesWithItsScoreAndAvailability() {
        var params = ApplicationParams.with(valid(), "answer.prior", "regular");
        params = ApplicationParams.with(params, "answer.nights", "yes");
        var valid = ApplicationCheck.check(ApplicationParams.form(params), today);
        assertThat(valid.motivationScore()).isEqualTo(100);
        assertThat(valid.availability().slots()).isEqualTo(3);
        assertThat(valid.categories()).containsExactlyInAnyOrder(VolunteerCategory.GATE, VolunteerCategory.DELIVERY);
        assertThat(valid.idNumber().birthDate()).isEqualTo(valid.birthDate());
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        var id = valid().getFirst("idNumber");
        var wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        assertThat(problems(ApplicationParams.with(valid(), "idNumber", wrong))).contains("idNumber:id.error.check_digit");
    }

    @Test
    void birthDateAndSexMustMatchTheIdNumber() {
        var params = valid();
        var birth = LocalDate.parse(params.getFirst("birthDate")).plusDays(1).toString();
        var otherSex = "M".equals(params.getFirst("sex")) ? "F" : "M";
        assertThat(problems(ApplicationParams.with(ApplicationParams.with(params, "birthDate", birth), "sex", otherSex)))
                .contains("birthDate:volunteer.apply.error.birth-date-mismatch", "sex:volunteer.apply.error.sex-mismatch");
    }

    @Test
    void agesOutsideEighteenToSeventyAreRefusedAndSixteenNeedsAGuardian() {
        assertThat(problems(ApplicationParams.aged(COMMUNITY, 15))).contains("birthDate:volunteer.apply.error.age");
        assertThat(problems(ApplicationParams.aged(COMMUNITY, 71))).contains("birthDate:volunteer.apply.error.age");
        assertThat(problems(ApplicationParams.aged(COMMUNITY, 17))).contains("guardianConsent:volunteer.apply.error.guardian");
        var withGuardian = ApplicationParams.with(ApplicationParams.aged(COMMUNITY, 16), "guardianConsent", "true");
        assertThat(ApplicationCheck.check(ApplicationParams.form(withGuardian), today).guardianConsent()).isTrue();
        assertThat(ApplicationCheck.check(ApplicationParams.form(ApplicationParams.aged(COMMUNITY, 70)), today)).isNotNull();
    }

    @Test
    void availabilityCategoriesCertificatesDatesAndHoursAreChecked() {
        assertThat(problems(ApplicationParams.with(valid(), "availability"))).contains(
                "availability:volunteer.apply.error.availability");
        assertThat(problems(ApplicationParams.with(valid(), "categories", "MEDICAL"))).contains(
                "certificate.MEDICAL:volunteer.apply.error.certificate");
        assertThat(ApplicationCheck.check(ApplicationParams.form(ApplicationParams.with(ApplicationParams.with(valid(),
                "categories", "MEDICAL"), "certificate.MEDICAL", "110101199001")), today).certificates())
                .containsEntry(VolunteerCategory.MEDICAL, "110101199001");
        assertThat(problems(ApplicationParams.with(valid(), "categories"))).contains(
                "categories:volunteer.apply.error.categories");
        assertThat(problems(ApplicationParams.with(valid(), "availableUntil", today.minusDays(1).toString())))
                .contains("availableUntil:volunteer.apply.error.until-before-from");
        assertThat(problems(ApplicationParams.with(valid(), "availableFrom", today.minusDays(5).toString())))
                .contains("availableFrom:volunteer.apply.error.from-past");
        assertThat(problems(ApplicationParams.with(valid(), "availableFrom", "2026-02-30")))
                .contains("availableFrom:volunteer.apply.error.date");
        assertThat(problems(ApplicationParams.with(valid(), "hoursPerWeek", "61"))).contains(
                "hoursPerWeek:volunteer.apply.error.hours");
        assertThat(problems(ApplicationParams.with(valid(), "hoursPerWeek", "many"))).contains(
                "hoursPerWeek:volunteer.apply.error.hours");
    }

    @Test
    void phoneConsentNameAndAnswersAreChecked() {
        assertThat(problems(ApplicationParams.with(valid(), "phone", "12345678901"))).contains("phone:phone.error.format");
        assertThat(problems(ApplicationParams.with(valid(), "consent"))).contains("consent:volunteer.apply.error.consent");
        assertThat(problems(ApplicationParams.with(valid(), "name", "王".repeat(51)))).contains(
                "name:volunteer.apply.error.too-long");
        assertThat(problems(ApplicationParams.with(valid(), "name", "<b>王</b>"))).contains(
                "name:volunteer.apply.error.name-characters");
        assertThat(problems(ApplicationParams.with(valid(), "answer.why", "bribe"))).contains(
                "answer.why:volunteer.apply.error.answer");
        assertThat(problems(ApplicationParams.with(valid(), "healthNote", "x".repeat(301)))).contains(
                "healthNote:volunteer.apply.error.too-long");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var empty = ApplicationForm.empty();
        var refused = catchThrowableOfType(ApplicationRefused.class, () -> ApplicationCheck.check(empty, today));
        assertThat(refused.problems()).extracting(ApplicationProblem::field).contains("name", "sex", "birthDate",
                "idNumber", "phone", "communityId", "categories", "availability", "availableFrom", "hoursPerWeek",
                "answer.why", "healthOk", "consent");
    }
}
