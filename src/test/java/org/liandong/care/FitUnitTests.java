package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liandong.care.request.Fit;
import org.liandong.volunteer.VolunteerCategory;

class FitUnitTests {

    static final Fit.Need MEDICINE = new Fit.Need(HelpKind.MEDICINE, "1号楼组", "第一网格");

    static Fit.Offer offer(Set<VolunteerCategory> categories, String group, String grid, int open) {
        return new Fit.Offer(categories, group, grid, true, open, 0, 0);
    }

    @Test
    void skillAndClosenessCountMostLoadAndRatingsAdjust() {
        var neighbourWithSkill = Fit.score(MEDICINE, offer(Set.of(VolunteerCategory.DELIVERY), "1号楼组", "第一网格", 0));
        var farWithSkill = Fit.score(MEDICINE, offer(Set.of(VolunteerCategory.DELIVERY), null, null, 0));
        var neighbourWithout = Fit.score(MEDICINE, offer(Set.of(VolunteerCategory.CULTURE), "1号楼组", "第一网格", 0));
        var sameGrid = Fit.score(MEDICINE, offer(Set.of(VolunteerCategory.DELIVERY), "2号楼组", "第一网格", 0));
        assertThat(neighbourWithSkill.points()).isGreaterThan(sameGrid.points());
        assertThat(sameGrid.points()).isGreaterThan(farWithSkill.points());
        assertThat(farWithSkill.points()).isGreaterThan(neighbourWithout.points());
        assertThat(neighbourWithSkill.reasons()).extracting(Fit.Reason::key)
                .contains("care.fit.skill", "care.fit.same-building-group", "care.fit.available-now", "care.fit.load");

        var loaded = Fit.score(MEDICINE, offer(Set.of(VolunteerCategory.DELIVERY), "1号楼组", "第一网格", 2));
        assertThat(loaded.points()).isEqualTo(neighbourWithSkill.points() - 16);
        assertThat(loaded.full()).isFalse();
        assertThat(Fit.score(MEDICINE, offer(Set.of(VolunteerCategory.DELIVERY), null, null, Fit.CAPACITY)).full()).isTrue();

        var wellRated = Fit.score(MEDICINE, new Fit.Offer(Set.of(VolunteerCategory.DELIVERY), null, null, true, 0, 5.0, 4));
        assertThat(wellRated.points()).isEqualTo(farWithSkill.points() + 10);
    }

    @Test
    void otherRequestsFitAnyone() {
        var any = Fit.score(new Fit.Need(HelpKind.OTHER, "1号楼组", null), offer(Set.of(VolunteerCategory.CULTURE), null, null, 0));
        assertThat(any.points()).isEqualTo(20 + 10 + 15);
    }
}
