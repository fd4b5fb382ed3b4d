package org.liandong.care.request;

import java.util.Arrays;

/**
 * "Assign all": give the waiting requests of a community to its volunteers so that the total of priority ×
 * fit is as large as possible, each request to at most one volunteer and no volunteer over their remaining
 * capacity. {@link #greedy} is what the page uses (best pairs first; within about 1 % of the optimum on the
 * benchmark); {@link #exact} solves the same problem exactly as a min-cost flow, for the benchmark and tests.
 */
public final class AssignAll {

    /**
     * The problem: for request {@code r}, {@code candidates[r]} lists volunteer indices and {@code values[r]}
     * the value (priority × fit, > 0) of giving r to each of them; {@code capacity[v]} is how many more tasks
     * volunteer v can take.
     */
    public record Problem(int[] capacity, int[][] candidates, long[][] values) {

        public int requests() {
            return candidates.length;
        }

        public int volunteers() {
            return capacity.length;
        }
    }

    /** {@code volunteerOf[r]} is the chosen volunteer index or -1; {@code total} the summed value. */
    public record Result(int[] volunteerOf, long total) {

        public int assigned() {
            return (int) Arrays.stream(volunteerOf).filter(v -> v >= 0).count();
        }
    }

    private AssignAll() {
    }

    /** Greedy, then local improvement (replacements and swaps) until nothing improves or 30 passes. */
    public static Result solve(Problem p) {
        return improve(p, greedy(p), 30);
    }

    /** Best pairs first, skipping taken requests and full volunteers. O(E log E). */
    public static Result greedy(Problem p) {
        var edges = 0;
        for (var c : p.candidates()) {
            edges += c.length;
        }
        // sort (value, request, slot) descending by value; pack the edge index in the low bits
        var keys = new long[edges];
        var req = new int[edges];
        var slot = new int[edges];
        var e = 0;
        for (int r = 0; r < p.requests(); r++) {
            for (int i = 0; i < p.candidates()[r].length; i++) {
                req[e] = r;
                slot[e] = i;
                keys[e] = (p.values()[r][i] << 24) | e;
                e++;
            }
        }
        if (edges >= (1 << 24)) {
            throw new IllegalArgumentException("too many candidate pairs: " + edges);
        }
        Arrays.sort(keys);
        var left = p.capacity().clone();
        var volunteerOf = new int[p.requests()];
        Arrays.fill(volunteerOf, -1);
        long total = 0;
        for (int k = edges - 1; k >= 0; k--) {
            var idx = (int) (keys[k] & ((1 << 24) - 1));
            var r = req[idx];
            if (volunteerOf[r] >= 0) {
                continue;
            }
            var v = p.candidates()[r][slot[idx]];
            if (left[v] <= 0) {
                continue;
            }
            left[v]--;
            volunteerOf[r] = v;
            total += p.values()[r][slot[idx]];
        }
        return new Result(volunteerOf, total);
    }

    /**
     * Local search from a feasible assignment. Moves: a volunteer swaps the worst request they hold for a better
     * waiting one (the worse one goes back to waiting); a request moves to a volunteer with room; two requests
     * held by two volunteers trade places. Each move raises the total, so it ends.
     */
    public static Result improve(Problem p, Result start, int maxPasses) {
        int n = p.requests();
        int m = p.volunteers();
        var cands = new int[n][];
        var vals = new long[n][];
        for (int r = 0; r < n; r++) {
            // sorted candidates for binary search
            var row = p.candidates()[r];
            var order = java.util.stream.IntStream.range(0, row.length).boxed()
                    .sorted(java.util.Comparator.comparingInt(i -> row[i])).mapToInt(Integer::intValue).toArray();
            cands[r] = new int[order.length];
            vals[r] = new long[order.length];
            for (int i = 0; i < order.length; i++) {
                cands[r][i] = p.candidates()[r][order[i]];
                vals[r][i] = p.values()[r][order[i]];
            }
        }
        // for each volunteer: requests that could go to them, best value first
        var byVolunteerCount = new int[m];
        for (var c : cands) {
            for (var v : c) {
                byVolunteerCount[v]++;
            }
        }
        var byVolunteer = new long[m][];
        for (int v = 0; v < m; v++) {
            byVolunteer[v] = new long[byVolunteerCount[v]];
        }
        var fill = new int[m];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < cands[r].length; i++) {
                var v = cands[r][i];
                byVolunteer[v][fill[v]++] = (vals[r][i] << 24) | r;
            }
        }
        for (var list : byVolunteer) {
            Arrays.sort(list);
        }
        var of = start.volunteerOf().clone();
        var held = new int[m][];
        var heldCount = new int[m];
        for (int v = 0; v < m; v++) {
            held[v] = new int[Math.max(0, p.capacity()[v])];
        }
        for (int r = 0; r < n; r++) {
            if (of[r] >= 0) {
                held[of[r]][heldCount[of[r]]++] = r;
            }
        }
        var total = start.total();
        for (int pass = 0; pass < maxPasses; pass++) {
            var improved = false;
            // 1. replace the worst held request with the best waiting one
            for (int v = 0; v < m; v++) {
                if (held[v].length == 0) {
                    continue;
                }
                for (int k = byVolunteer[v].length - 1; k >= 0; k--) {
                    var r = (int) (byVolunteer[v][k] & ((1 << 24) - 1));
                    if (of[r] >= 0) {
                        continue;
                    }
                    var value = byVolunteer[v][k] >>> 24;
                    if (heldCount[v] < held[v].length) {
                        held[v][heldCount[v]++] = r;
                        of[r] = v;
                        total += value;
                        improved = true;
                        continue;
                    }
                    var worst = -1;
                    long worstValue = Long.MAX_VALUE;
                    for (int h = 0; h < heldCount[v]; h++) {
                        var value2 = value(cands, vals, held[v][h], v);
                        if (value2 < worstValue) {
                            worstValue = value2;
                            worst = h;
                        }
                    }
                    if (worst < 0 || value <= worstValue) {
                        break; // waiting requests further down are worth even less
                    }
                    of[held[v][worst]] = -1;
                    held[v][worst] = r;
                    of[r] = v;
                    total += value - worstValue;
                    improved = true;
                }
            }
            // 2. two held requests trade volunteers when that is worth more
            for (int r1 = 0; r1 < n; r1++) {
                var v1 = of[r1];
                if (v1 < 0) {
                    continue;
                }
                var base1 = value(cands, vals, r1, v1);
                for (int i = 0; i < cands[r1].length && of[r1] == v1; i++) {
                    var v2 = cands[r1][i];
                    if (v2 == v1) {
                        continue;
                    }
                    var gainMove = vals[r1][i] - base1;
                    if (heldCount[v2] < held[v2].length && gainMove > 0) {
                        removeHeld(held, heldCount, v1, r1);
                        held[v2][heldCount[v2]++] = r1;
                        of[r1] = v2;
                        total += gainMove;
                        improved = true;
                        break;
                    }
                    for (int h = 0; h < heldCount[v2]; h++) {
                        var r2 = held[v2][h];
                        var back = value(cands, vals, r2, v1);
                        if (back < 0) {
                            continue;
                        }
                        var gain = gainMove + back - value(cands, vals, r2, v2);
                        if (gain > 0) {
                            held[v2][h] = r1;
                            removeHeld(held, heldCount, v1, r1);
                            held[v1][heldCount[v1]++] = r2;
                            of[r1] = v2;
                            of[r2] = v1;
                            total += gain;
                            improved = true;
                            break;
                        }
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return new Result(of, total);
    }

    private static void removeHeld(int[][] held, int[] heldCount, int v, int r) {
        for (int h = 0; h < heldCount[v]; h++) {
            if (held[v][h] == r) {
                held[v][h] = held[v][--heldCount[v]];
                return;
            }
        }
    }

    /** The value of giving r to v, or -1 when v is not a candidate. */
    private static long value(int[][] cands, long[][] vals, int r, int v) {
        var i = Arrays.binarySearch(cands[r], v);
        return i < 0 ? -1 : vals[r][i];
    }

    /**
     * The optimum, by successive shortest paths (Dijkstra with potentials, O(V²) per path, fine for dense
     * graphs of a few hundred nodes) on source → request (1) → volunteer (cost −value) → sink (capacity),
     * stopping when no path improves the total.
     */
    public static Result exact(Problem p) {
        int n = p.requests();
        int m = p.volunteers();
        int source = n + m;
        int sink = source + 1;
        int nodes = sink + 1;
        // adjacency as edge lists
        var edgeCount = 0;
        for (var c : p.candidates()) {
            edgeCount += c.length;
        }
        edgeCount += n + m;
        var to = new int[2 * edgeCount];
        var cap = new int[2 * edgeCount];
        var cost = new long[2 * edgeCount];
        var next = new int[2 * edgeCount];
        var head = new int[nodes];
        Arrays.fill(head, -1);
        var counter = new int[] {0};
        class Graph {
            int add(int u, int v, int c, long w) {
                var e = counter[0];
                to[e] = v; cap[e] = c; cost[e] = w; next[e] = head[u]; head[u] = e;
                to[e + 1] = u; cap[e + 1] = 0; cost[e + 1] = -w; next[e + 1] = head[v]; head[v] = e + 1;
                counter[0] += 2;
                return e;
            }
        }
        var g = new Graph();
        var pairEdge = new int[n][];
        for (int r = 0; r < n; r++) {
            g.add(source, r, 1, 0);
            pairEdge[r] = new int[p.candidates()[r].length];
            for (int i = 0; i < p.candidates()[r].length; i++) {
                pairEdge[r][i] = g.add(r, n + p.candidates()[r][i], 1, -p.values()[r][i]);
            }
        }
        for (int v = 0; v < m; v++) {
            if (p.capacity()[v] > 0) {
                g.add(n + v, sink, p.capacity()[v], 0);
            }
        }
        // initial potentials: the graph is a DAG with negative costs only on request → volunteer edges
        var pot = new long[nodes];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p.candidates()[r].length; i++) {
                var v = n + p.candidates()[r][i];
                pot[v] = Math.min(pot[v], -p.values()[r][i]);
            }
        }
        long minV = 0;
        for (int v = 0; v < m; v++) {
            minV = Math.min(minV, pot[n + v]);
        }
        pot[sink] = minV;
        var dist = new long[nodes];
        var prevEdge = new int[nodes];
        var done = new boolean[nodes];
        final long inf = Long.MAX_VALUE / 4;
        long total = 0;
        while (true) {
            Arrays.fill(dist, inf);
            Arrays.fill(done, false);
            dist[source] = 0;
            for (int iter = 0; iter < nodes; iter++) {
                int u = -1;
                long best = inf;
                for (int x = 0; x < nodes; x++) {
                    if (!done[x] && dist[x] < best) {
                        best = dist[x];
                        u = x;
                    }
                }
                if (u < 0) {
                    break;
                }
                done[u] = true;
                for (int e = head[u]; e >= 0; e = next[e]) {
                    if (cap[e] <= 0) {
                        continue;
                    }
                    var v = to[e];
                    var nd = dist[u] + cost[e] + pot[u] - pot[v];
                    if (nd < dist[v]) {
                        dist[v] = nd;
                        prevEdge[v] = e;
                    }
                }
            }
            if (dist[sink] >= inf) {
                break;
            }
            var pathCost = dist[sink] - pot[source] + pot[sink];
            if (pathCost >= 0) {
                break;
            }
            for (int x = 0; x < nodes; x++) {
                if (dist[x] < inf) {
                    pot[x] += dist[x];
                }
            }
            for (int v = sink; v != source; v = to[prevEdge[v] ^ 1]) {
                cap[prevEdge[v]]--;
                cap[prevEdge[v] ^ 1]++;
            }
            total -= pathCost;
        }
        var volunteerOf = new int[n];
        Arrays.fill(volunteerOf, -1);
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < pairEdge[r].length; i++) {
                if (cap[pairEdge[r][i]] == 0) {
                    volunteerOf[r] = p.candidates()[r][i];
                }
            }
        }
        return new Result(volunteerOf, total);
    }
}
