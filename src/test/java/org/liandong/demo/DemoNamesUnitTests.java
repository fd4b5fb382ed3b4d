package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoNamesUnitTests {

    @Test
    void drawsFromAboutAHundredSurnamesAndTwoHundredCharacters() {
        assertThat(DemoNames.surnameCount()).isBetween(100, 120);
        assertThat(DemoNames.givenNameCharacters()).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void namesAreTwoOrThreeChineseCharacters() {
        var names = new DemoNames(DemoCity.WUHAN, new Random(1));
        for (int i = 0; i < 5_000; i++) {
            var name = names.name(i % 2 == 0 ? 'M' : 'F', 1930 + i % 95);
            assertThat(name).hasSizeBetween(2, 3).matches("\\p{IsHan}+");
        }
    }

    @Test
    void commonSurnamesAreCommonAndEachCityHasItsOwn() {
        var shanghai = counts(DemoCity.SHANGHAI);
        var wuhan = counts(DemoCity.WUHAN);
        // 王, 李 and 张 are each about 7 % of the country; 沈 is a Jiangnan name, 熊 a Hubei one
        assertThat(shanghai.get("王")).isGreaterThan(shanghai.getOrDefault("杨", 0));
        assertThat(wuhan.get("李")).isBetween(1_000, 2_500);
        assertThat(shanghai.get("沈")).isGreaterThan(2 * wuhan.getOrDefault("沈", 0));
        assertThat(wuhan.get("熊")).isGreaterThan(2 * shanghai.getOrDefault("熊", 0));
    }

    private static HashMap<String, Integer> counts(DemoCity city) {
        var names = new DemoNames(city, new Random(2));
        var counts = new HashMap<String, Integer>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(names.surname(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void givenNamesFollowTheBirthDecade() {
        var names = new DemoNames(DemoCity.SHANGHAI, new Random(3));
        int oldFashioned = 0;
        for (int i = 0; i < 2_000; i++) {
            var given = names.given('F', 2018);
            if (given.contains("秀") || given.contains("桂") || given.contains("娣")) {
                oldFashioned++;
            }
        }
        assertThat(oldFashioned).isZero();
    }

    @Test
    void sameSeedSameNames() {
        var a = new DemoNames(DemoCity.SHANGHAI, new Random(9));
        var b = new DemoNames(DemoCity.SHANGHAI, new Random(9));
        for (int i = 0; i < 100; i++) {
            assertThat(a.name('F', 1950)).isEqualTo(b.name('F', 1950));
        }
    }
}
