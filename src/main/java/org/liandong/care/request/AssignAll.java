package org.liandong.care.request;

import java.util.Arrays;

/**
 * "Assign all": give the waiting requests of a community to its volunteers so that the total of priority ×
 * fit is as large as possible, each request to at most one volunteer and no volunteer over their remaining
 * capacity. {@link #optimal} is what the page uses: the optimum by the Hungarian method on the volunteers' free
 * places, fast enough for a street (20 communities of 500 requests × 100 volunteers well under a second);
 * {@link #exact} solves the same problem independently as a min-cost flow (successive shortest paths), and
 * {@link #greedy} takes the best pairs first, both as yardsticks for the benchmark and the tests.
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

    /** What the page runs: the optimum by {@link #optimal}. */
    public static Result solve(Problem p) {
        return optimal(p);
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
     * The optimum, fast: the Hungarian method (Kuhn–Munkres with potentials, O(rows² · columns) worst case) on a
     * dense matrix whose rows are the volunteers' free places (a volunteer with room for 3 is 3 rows) and whose
     * columns are the requests; a request that is not a candidate of the volunteer costs 0 (the place stays
     * empty), a candidate costs −value. When there are more places than requests the matrix is turned around.
     */
    public static Result optimal(Problem p) {
        var rowsOf = new int[Math.max(0, java.util.Arrays.stream(p.capacity()).map(c -> Math.max(0, c)).sum())];
        var k = 0;
        for (int v = 0; v < p.volunteers(); v++) {
            for (int c = 0; c < p.capacity()[v]; c++) {
                rowsOf[k++] = v;
            }
        }
        int places = rowsOf.length;
        int n = p.requests();
        var volunteerOf = new int[n];
        Arrays.fill(volunteerOf, -1);
        if (places == 0 || n == 0) {
            return new Result(volunteerOf, 0);
        }
        // first place of each volunteer, to fill the matrix one volunteer at a time
        var firstPlace = new int[p.volunteers() + 1];
        for (int v = 0, at = 0; v < p.volunteers(); v++) {
            firstPlace[v] = at;
            at += Math.max(0, p.capacity()[v]);
            firstPlace[v + 1] = at;
        }
        var placesAreRows = places <= n;
        int rows = placesAreRows ? places : n;
        int cols = placesAreRows ? n : places;
        var a = new long[rows + 1][cols + 1];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p.candidates()[r].length; i++) {
                var v = p.candidates()[r][i];
                for (int place = firstPlace[v]; place < firstPlace[v + 1]; place++) {
                    if (placesAreRows) {
                        a[place + 1][r + 1] = -p.values()[r][i];
                    } else {
                        a[r + 1][place + 1] = -p.values()[r][i];
                    }
                }
            }
        }
        var match = hungarian(a, rows, cols);
        long total = 0;
        for (int j = 1; j <= cols; j++) {
            var i = match[j];
            if (i == 0 || a[i][j] == 0) {
                continue; // an empty place, or a request given to someone it is not a candidate of
            }
            var request = placesAreRows ? j - 1 : i - 1;
            var place = placesAreRows ? i - 1 : j - 1;
            volunteerOf[request] = rowsOf[place];
            total -= a[i][j];
        }
        return new Result(volunteerOf, total);
    }

    /** Minimum-cost assignment of every row (1..rows) to a distinct column (1..cols), rows ≤ cols; match[col] = row. */
    private static int[] hungarian(long[][] a, int rows, int cols) {
        final long inf = Long.MAX_VALUE / 4;
        var u = new long[rows + 1];
        var v = new long[cols + 1];
        var match = new int[cols + 1];
        var way = new int[cols + 1];
        var minv = new long[cols + 1];
        var used = new boolean[cols + 1];
        for (int i = 1; i <= rows; i++) {
            match[0] = i;
            int j0 = 0;
            Arrays.fill(minv, inf);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = match[j0];
                long delta = inf;
                int j1 = 0;
                var row = a[i0];
                var ui = u[i0];
                for (int j = 1; j <= cols; j++) {
                    if (!used[j]) {
                        var cur = row[j] - ui - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= cols; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        return match;
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
