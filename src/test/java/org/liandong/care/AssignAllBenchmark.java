package org.liandong.care;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Random;
import org.liandong.care.request.AssignAll;
import org.liandong.care.request.Fit;
import org.liandong.volunteer.VolunteerCategory;

/**
 * "Assign all" at city-district scale: 10,000 waiting requests and 2,000 volunteers spread over 20 communities
 * (volunteers only take tasks of their own community, so each community is one problem). Measures what the page
 * runs (the Hungarian method) against the optimum by an independent exact method (min-cost flow) in the same run,
 * best pairs first for comparison, and re-matching
 * 100 new requests against the capacity left. Run by {@code bench/assign.sh}; not part of the test suite.
 *
 * <p>Arguments: {@code [requests] [volunteers] [communities] [seed]}.
 */
public final class AssignAllBenchmark {

    record Community(AssignAll.Problem problem, int[] priorities) {
    }

    public static void main(String[] args) {
        var requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        var volunteers = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        var communities = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        var seed = args.length > 3 ? Long.parseLong(args[3]) : 2020L;
        var random = new Random(seed);
        var data = new ArrayList<Community>();
        for (int c = 0; c < communities; c++) {
            data.add(community(random, requests / communities, volunteers / communities));
        }
        // warm-up (JIT)
        for (int i = 0; i < 5; i++) {
            for (var c : data) {
                AssignAll.solve(c.problem());
            }
        }
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        var c0 = cpu.getCurrentThreadCpuTime();
        var t0 = System.nanoTime();
        long solvedTotal = 0;
        var solvedResults = new ArrayList<AssignAll.Result>();
        for (var c : data) {
            var result = AssignAll.solve(c.problem());
            solvedResults.add(result);
            solvedTotal += result.total();
        }
        var solvedMs = (System.nanoTime() - t0) / 1e6;
        var solvedCpuMs = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;

        var t1 = System.nanoTime();
        long exactTotal = 0;
        var assigned = 0;
        for (var c : data) {
            var result = AssignAll.exact(c.problem());
            exactTotal += result.total();
            assigned += result.assigned();
        }
        var exactMs = (System.nanoTime() - t1) / 1e6;

        var t3 = System.nanoTime();
        long bestFirstTotal = 0;
        for (var c : data) {
            bestFirstTotal += AssignAll.greedy(c.problem()).total();
        }
        var bestFirstMs = (System.nanoTime() - t3) / 1e6;

        // 100 new requests, spread over the communities, against what "assign all" left
        // (the new requests' candidate lists are built before the clock starts, as the page builds them per request)
        var fresh = new Random(seed + 1);
        var extras = new ArrayList<AssignAll.Problem>();
        for (int c = 0; c < communities; c++) {
            var base = data.get(c).problem();
            var left = base.capacity().clone();
            for (var v : solvedResults.get(c).volunteerOf()) {
                if (v >= 0) {
                    left[v]--;
                }
            }
            // a tenth of the volunteers come back on shift with their capacity restored
            for (int v = 0; v < left.length; v += 10) {
                left[v] = base.capacity()[v];
            }
            var extra = community(fresh, 100 / communities, base.volunteers());
            extras.add(new AssignAll.Problem(left, extra.problem().candidates(), extra.problem().values()));
        }
        var c2 = cpu.getCurrentThreadCpuTime();
        var t2 = System.nanoTime();
        var rematched = 0;
        for (var problem : extras) {
            rematched += AssignAll.solve(problem).assigned();
        }
        var rematchMs = (System.nanoTime() - t2) / 1e6;
        var rematchCpuMs = (cpu.getCurrentThreadCpuTime() - c2) / 1e6;

        System.out.printf(Locale.ROOT, "requests %d, volunteers %d, communities %d, seed %d%n", requests, volunteers,
                communities, seed);
        System.out.printf(Locale.ROOT, "assign all (Hungarian method on free places): %.1f ms (CPU %.1f ms), total %d, %d assigned%n", solvedMs, solvedCpuMs, solvedTotal,
                solvedResults.stream().mapToInt(AssignAll.Result::assigned).sum());
        System.out.printf(Locale.ROOT, "exact (min-cost flow): %.1f ms, total %d, %d assigned%n", exactMs, exactTotal,
                assigned);
        System.out.printf(Locale.ROOT, "assign all / optimum: %.4f (%.2f %% below)%n", (double) solvedTotal / exactTotal,
                100.0 * (exactTotal - solvedTotal) / exactTotal);
        System.out.printf(Locale.ROOT, "for comparison, best pairs first (greedy): %.1f ms, %.4f of the optimum%n",
                bestFirstMs, (double) bestFirstTotal / exactTotal);
        System.out.printf(Locale.ROOT, "re-matching 100 new requests: %.2f ms (CPU %.2f ms), %d assigned%n", rematchMs, rematchCpuMs, rematched);
    }

    /** One community: requests in 20 building groups over 4 grids; volunteers with skills, homes, load, ratings. */
    static Community community(Random random, int requests, int volunteers) {
        var kinds = HelpKind.values();
        var urgencies = Urgency.values();
        var categories = VolunteerCategory.values();
        var offers = new Fit.Offer[volunteers];
        var capacity = new int[volunteers];
        for (int v = 0; v < volunteers; v++) {
            var skills = EnumSet.noneOf(VolunteerCategory.class);
            var k = 1 + random.nextInt(3);
            for (int i = 0; i < k; i++) {
                skills.add(categories[random.nextInt(categories.length)]);
            }
            var group = random.nextInt(10) < 7 ? random.nextInt(20) : -1;
            var open = random.nextInt(3);
            offers[v] = new Fit.Offer(skills, group < 0 ? null : "G" + group, group < 0 ? null : "grid" + group / 5,
                    random.nextInt(10) < 7, open, random.nextInt(5) == 0 ? 0 : 3 + random.nextDouble() * 2,
                    random.nextInt(5));
            capacity[v] = Math.max(0, Fit.CAPACITY - open);
        }
        var candidates = new int[requests][];
        var values = new long[requests][];
        var priorities = new int[requests];
        for (int r = 0; r < requests; r++) {
            var kind = kinds[random.nextInt(kinds.length)];
            var urgency = urgencies[random.nextInt(urgencies.length)];
            var group = random.nextInt(20);
            var need = new Fit.Need(kind, "G" + group, "grid" + group / 5);
            var priority = urgency.weight() + (random.nextInt(4) == 0 ? 10 + random.nextInt(36) : 0) + random.nextInt(61);
            priorities[r] = priority;
            var cand = new int[volunteers];
            var val = new long[volunteers];
            var n = 0;
            for (int v = 0; v < volunteers; v++) {
                if (capacity[v] == 0) {
                    continue;
                }
                var score = Fit.score(need, offers[v]);
                if (score.points() > 0) {
                    cand[n] = v;
                    val[n] = (long) priority * score.points();
                    n++;
                }
            }
            candidates[r] = java.util.Arrays.copyOf(cand, n);
            values[r] = java.util.Arrays.copyOf(val, n);
        }
        return new Community(new AssignAll.Problem(capacity, candidates, values), priorities);
    }
}
