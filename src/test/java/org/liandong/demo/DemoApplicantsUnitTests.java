package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.volunteer.MotivationScore;
import org.liandong.volunteer.VolunteerCategory;

class DemoApplicantsUnitTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private List<DemoApplicants.Applicant> generate(DemoCity city, long seed, DemoApplicants.Keenness keenness) {
        var applicants = new DemoApplicants(city, new SplittableRandom(seed), TODAY, new HashSet<>(), new HashSet<>());
        var out = new ArrayList<DemoApplicants.Applicant>();
        var patterns = DemoApplicants.Pattern.values();
        for (int i = 0; i < 200; i++) {
            out.add(applicants.next(DemoApplicants.of(VolunteerCategory.GATE, VolunteerCategory.MEDICAL),
                    patterns[i % patterns.length], keenness));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSamePeople() {
        assertThat(generate(DemoCity.SHANGHAI, 7, DemoApplicants.Keenness.MIXED))
                .isEqualTo(generate(DemoCity.SHANGHAI, 7, DemoApplicants.Keenness.MIXED));
        assertThat(generate(DemoCity.SHANGHAI, 7, DemoApplicants.Keenness.MIXED))
                .isNotEqualTo(generate(DemoCity.SHANGHAI, 8, DemoApplicants.Keenness.MIXED));
    }

    @Test
    void numbersAreValidUniqueAndMeetNeitherTheRegistryNorTheTestFixtures() {
        var shanghai = generate(DemoCity.SHANGHAI, 1, DemoApplicants.Keenness.HIGH);
        assertThat(shanghai).extracting(DemoApplicants.Applicant::name).doesNotHaveDuplicates();
        var all = new ArrayList<>(shanghai);
        all.addAll(generate(DemoCity.WUHAN, 2, DemoApplicants.Keenness.LOW));
        for (var a : all) {
            assertThat(ChineseIdNumber.check(a.idNumber().value(), TODAY)).isNull();
            assertThat(a.idNumber().birthDate()).isEqualTo(a.birthDate());
            assertThat(a.idNumber().male()).isEqualTo(a.sex() == 'M');
            // the registry and the fixtures use 310104 and 420102, the browser tests 110105
            assertThat(a.idNumber().value()).doesNotStartWith("310104").doesNotStartWith("420102")
                    .doesNotStartWith("110105");
            // the tests' applicants use 136–139
            assertThat(a.phone()).matches("199\\d{8}");
            int age = java.time.Period.between(a.birthDate(), TODAY).getYears();
            assertThat(age).isBetween(18, 60);
            assertThat(a.hoursPerWeek()).isBetween(8, 40);
        }
        assertThat(all).extracting(a -> a.idNumber().value()).doesNotHaveDuplicates();
        assertThat(all).extracting(DemoApplicants.Applicant::phone).doesNotHaveDuplicates();
    }

    @Test
    void keennessShowsInTheMotivationScoreAndProfessionsCarryACertificate() {
        var high = generate(DemoCity.SHANGHAI, 3, DemoApplicants.Keenness.HIGH);
        var low = generate(DemoCity.SHANGHAI, 3, DemoApplicants.Keenness.LOW);
        assertThat(high).allMatch(a -> MotivationScore.of(a.answers()) >= 69);
        assertThat(low).allMatch(a -> MotivationScore.of(a.answers()) <= 40);
        var form = high.getFirst().form("310104008001", TODAY, null, null);
        assertThat(form.certificates()).containsOnlyKeys("MEDICAL");
        assertThat(form.certificates().get("MEDICAL")).hasSizeLessThanOrEqualTo(50);
        assertThat(MotivationScore.unanswered(form.answers())).isEmpty();
        assertThat(form.consent()).isTrue();
        assertThat(DemoApplicants.slots(DemoApplicants.Pattern.DAYS)).hasSize(14).doesNotContain("0-2");
        assertThat(DemoApplicants.slots(DemoApplicants.Pattern.ALWAYS)).hasSize(21);
    }
}
