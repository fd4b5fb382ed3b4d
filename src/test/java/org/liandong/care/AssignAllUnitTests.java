package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.liandong.care.request.AssignAll;

class AssignAllUnitTests {

    static AssignAll.Problem random(Random random, int requests, int volunteers) {
        var capacity = new int[volunteers];
        for (int v = 0; v < volunteers; v++) {
            capacity[v] = random.nextInt(3);
        }
        var candidates = new int[requests][];
        var values = new long[requests][];
        for (int r = 0; r < requests; r++) {
            var k = random.nextInt(volunteers + 1);
            var chosen = random.ints(0, volunteers).distinct().limit(k).toArray();
            candidates[r] = chosen;
            values[r] = new long[k];
            for (int i = 0; i < k; i++) {
                values[r][i] = 1 + random.nextInt(100);
            }
        }
        return new AssignAll.Problem(capacity, candidates, values);
    }

    static long brute(AssignAll.Problem p, int r, int[] left) {
        if (r == p.requests()) {
            return 0;
        }
        var best = brute(p, r + 1, left);
        for (int i = 0; i < p.candidates()[r].length; i++) {
            var v = p.candidates()[r][i];
            if (left[v] > 0) {
                left[v]--;
                best = Math.max(best, p.values()[r][i] + brute(p, r + 1, left));
                left[v]++;
            }
        }
        return best;
    }

    static void checkFeasible(AssignAll.Problem p, AssignAll.Result result) {
        var used = new int[p.volunteers()];
        long total = 0;
        for (int r = 0; r < p.requests(); r++) {
            var v = result.volunteerOf()[r];
            if (v >= 0) {
                used[v]++;
                var i = java.util.Arrays.stream(p.candidates()[r]).boxed().toList().indexOf(v);
                assertThat(i).as("only candidate pairs").isGreaterThanOrEqualTo(0);
                total += p.values()[r][i];
            }
        }
        for (int v = 0; v < p.volunteers(); v++) {
            assertThat(used[v]).isLessThanOrEqualTo(p.capacity()[v]);
        }
        assertThat(result.total()).isEqualTo(total);
    }

    @Test
    void bothExactMethodsFindTheOptimumAndGreedyNeverBeatsIt() {
        var random = new Random(42);
        for (int round = 0; round < 300; round++) {
            // few places and many requests, and the other way round (the matrix is turned around)
            var p = random(random, 1 + random.nextInt(6), 1 + random.nextInt(4));
            var exact = AssignAll.exact(p);
            var greedy = AssignAll.greedy(p);
            var solved = AssignAll.solve(p);
            checkFeasible(p, exact);
            checkFeasible(p, greedy);
            checkFeasible(p, solved);
            assertThat(solved.total()).as("the Hungarian method is exact too").isEqualTo(exact.total());
            assertThat(exact.total()).isEqualTo(brute(p, 0, p.capacity().clone()));
            assertThat(greedy.total()).isLessThanOrEqualTo(exact.total());
        }
    }

    @Test
    void theHungarianMethodAgreesWithTheMinCostFlowOnLargerProblems() {
        var random = new Random(7);
        for (int round = 0; round < 30; round++) {
            var p = random(random, 20 + random.nextInt(80), 5 + random.nextInt(40));
            var solved = AssignAll.solve(p);
            checkFeasible(p, solved);
            assertThat(solved.total()).isEqualTo(AssignAll.exact(p).total());
        }
    }

    @Test
    void greedyTakesTheBestPairFirst() {
        var p = new AssignAll.Problem(new int[] {1, 1}, new int[][] {{0, 1}, {0}}, new long[][] {{10, 9}, {8}});
        assertThat(AssignAll.greedy(p).volunteerOf()).containsExactly(0, -1);
        assertThat(AssignAll.exact(p).volunteerOf()).containsExactly(1, 0);
        assertThat(AssignAll.exact(p).total()).isEqualTo(17);
        assertThat(AssignAll.solve(p).volunteerOf()).containsExactly(1, 0);
    }
}
