package org.liandong.volunteer.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VolunteerServicePointsUnitTests {

    Recognition defaults = new Recognition(new PointsSettings(null, null, null));

    @Test
    void hoursAndTasksEarnConfiguredPoints() {
        assertThat(defaults.points(0, 0)).isZero();
        assertThat(defaults.points(60, 0)).isEqualTo(10);
        assertThat(defaults.points(90, 0)).isEqualTo(15);
        assertThat(defaults.points(60, 2)).isEqualTo(20);
        assertThat(defaults.points(-60, -1)).isZero();
        var custom = new Recognition(new PointsSettings(3, 7, null));
        assertThat(custom.points(120, 1)).isEqualTo(13);
    }

    @Test
    void levelsFollowThresholds() {
        var start = defaults.standing(0, 0);
        assertThat(start.level().code()).isEqualTo("sprout");
        assertThat(start.next().code()).isEqualTo("backbone");
        assertThat(start.toNext()).isEqualTo(100);

        var justBelow = defaults.standing(594, 0); // 99 points
        assertThat(justBelow.points()).isEqualTo(99);
        assertThat(justBelow.level().code()).isEqualTo("sprout");
        assertThat(justBelow.toNext()).isEqualTo(1);

        assertThat(defaults.standing(600, 0).level().code()).isEqualTo("backbone");
        var top = defaults.standing(30 * 60, 0);
        assertThat(top.level().code()).isEqualTo("model");
        assertThat(top.next()).isNull();
        assertThat(top.toNext()).isZero();
    }

    @Test
    void levelsAreConfigurable() {
        var custom = new Recognition(new PointsSettings(10, 5, Map.of("a", 0, "b", 20)));
        assertThat(custom.standing(120, 0).level().code()).isEqualTo("b");
        assertThat(custom.levels()).extracting(Recognition.Level::code).containsExactly("a", "b");
        assertThatThrownBy(() -> new Recognition(new PointsSettings(10, 5, Map.of("x", 5))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
