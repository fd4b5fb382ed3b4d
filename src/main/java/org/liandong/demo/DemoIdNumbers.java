package org.liandong.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.liandong.platform.ChineseIdNumber;

/**
 * Hands out valid, unique identity numbers for generated people: region = the district code, the birth date,
 * and a three-digit sequence whose last digit is odd for men and even for women (GB 11643). The n-th person of
 * one sex born on one day in one district gets the n-th free sequence, so the same generation order gives the
 * same numbers. Only sequences 000–099 and 900–999 are used: test fixtures use 100–899, so demo data and test
 * data can share a database without meeting in the unique index.
 */
final class DemoIdNumbers {

    static final int PER_DAY_AND_SEX = 100;

    private final Map<String, Integer> issued = new HashMap<>();

    ChineseIdNumber next(String region, LocalDate birthDate, char sex) {
        var key = region + birthDate + sex;
        int n = issued.merge(key, 1, Integer::sum) - 1;
        if (n >= PER_DAY_AND_SEX) {
            throw new IllegalStateException("more than " + PER_DAY_AND_SEX + " demo people of one sex born on "
                    + birthDate + " in " + region);
        }
        return ChineseIdNumber.of(region, birthDate, sequence(n, sex == 'M'));
    }

    static int sequence(int n, boolean male) {
        var even = n < PER_DAY_AND_SEX / 2 ? n * 2 : 900 + (n - PER_DAY_AND_SEX / 2) * 2;
        return male ? even + 1 : even;
    }
}
