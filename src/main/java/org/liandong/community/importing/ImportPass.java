package org.liandong.community.importing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Relation;
import org.liandong.community.RegistryWriter;

/**
 * One pass over the rows of a sheet: each row through the {@link RowValidator}, then what only the whole file
 * shows: an ID number twice in the file or already in the registry, a new household without a head or with
 * two. With a {@link Writer} the valid rows are also written in batches as the pass goes; the caller's
 * transaction is rolled back when the pass ends with any bad row, so a commit is all or nothing.
 */
final class ImportPass {

    static final int BATCH = 1000;

    /** Where a household lives: building and room. */
    record HouseholdKey(UUID buildingId, String room) {
    }

    /** A household already in the registry, and whether it has a head. */
    record Existing(UUID id, boolean hasHead) {
    }

    /** What the pass found: rows, bad rows, and what committing would add. */
    record Result(int rows, int badRows, int households, int residents) {
    }

    /** Writes households and residents (within the caller's transaction). */
    interface Writer {
        void write(List<RegistryWriter.NewHousehold> households, List<RegistryWriter.NewResident> residents);
    }

    /** The registry as the pass needs it: which of these ID hashes exist, and the hash of an ID number. */
    interface Registry {
        Set<String> existingHashes(List<String> hashes);

        String hash(String idNumber);
    }

    private static final class Household {
        final UUID id;
        final boolean isNew;
        final int firstRow;
        int firstHeadRow;
        final List<Integer> extraHeads = new ArrayList<>(0);

        Household(UUID id, boolean isNew, int firstRow, boolean hasHead) {
            this.id = id;
            this.isNew = isNew;
            this.firstRow = firstRow;
            this.firstHeadRow = hasHead ? -1 : 0;
        }
    }

    private final String communityId;
    private final RowValidator validator;
    private final Map<HouseholdKey, Existing> existing;
    private final Registry registry;
    private final @Nullable Writer writer;
    private final Consumer<List<RowProblem>> problemSink;
    private final IntConsumer progress;

    private final Map<String, Integer> firstRowOfId = new HashMap<>();
    private final BitSet reportedFirst = new BitSet();
    private final Map<HouseholdKey, Household> households = new LinkedHashMap<>();
    private final BitSet badRows = new BitSet();
    private final List<RowProblem> problems = new ArrayList<>();
    private final Map<String, Integer> pendingHashes = new LinkedHashMap<>();
    private final List<RegistryWriter.NewHousehold> pendingHouseholds = new ArrayList<>();
    private final List<RegistryWriter.NewResident> pendingResidents = new ArrayList<>();
    private int rows;
    private int newHouseholds;

    ImportPass(String communityId, RowValidator validator, Map<HouseholdKey, Existing> existing, Registry registry,
               @Nullable Writer writer, Consumer<List<RowProblem>> problemSink, IntConsumer progress) {
        this.communityId = communityId;
        this.validator = validator;
        this.existing = existing;
        this.registry = registry;
        this.writer = writer;
        this.problemSink = problemSink;
        this.progress = progress;
    }

    void accept(ImportRow row) {
        rows++;
        var checked = validator.check(row);
        checked.problems().forEach(this::problem);
        if (checked.idNumber() != null) {
            var id = checked.idNumber().value();
            var first = firstRowOfId.putIfAbsent(id, checked.row());
            if (first != null) {
                problem(RowProblem.of(checked.row(), Column.ID_NUMBER, "import.problem.duplicate-in-file", first));
                if (!reportedFirst.get(first)) {
                    reportedFirst.set(first);
                    problem(RowProblem.of(first, Column.ID_NUMBER, "import.problem.duplicate-in-file", checked.row()));
                }
            } else {
                pendingHashes.put(registry.hash(id), checked.row());
            }
        }
        var household = household(checked);
        var entry = checked.entry();
        if (household != null && entry != null && !badRows.get(checked.row())) {
            pendingResidents.add(new RegistryWriter.NewResident(UUID.randomUUID(), communityId, household.id,
                    entry.name(), entry.sex(), entry.birthDate(), entry.idNumber(), entry.phone(), entry.relation(),
                    entry.residence(), entry.movedIn(), entry.needs(), entry.vulnerabilities(),
                    entry.disabilityGrade()));
        }
        if (pendingHashes.size() >= BATCH || pendingResidents.size() >= BATCH) {
            flush();
        }
        if (rows % BATCH == 0) {
            progress.accept(rows);
        }
    }

    private @Nullable Household household(RowValidator.Checked checked) {
        if (checked.buildingId() == null || checked.room().isEmpty()) {
            return null;
        }
        var key = new HouseholdKey(checked.buildingId(), checked.room());
        var household = households.computeIfAbsent(key, k -> {
            var known = existing.get(k);
            if (known != null) {
                return new Household(known.id(), false, checked.row(), known.hasHead());
            }
            newHouseholds++;
            var created = new Household(UUID.randomUUID(), true, checked.row(), false);
            pendingHouseholds.add(new RegistryWriter.NewHousehold(created.id, communityId, k.buildingId(), k.room()));
            return created;
        });
        if (checked.relation() == Relation.HEAD) {
            if (household.firstHeadRow == 0) {
                household.firstHeadRow = checked.row();
            } else {
                household.extraHeads.add(checked.row());
            }
        }
        return household;
    }

    Result finish() {
        flush();
        for (var household : households.values()) {
            if (household.isNew && household.firstHeadRow == 0) {
                problem(RowProblem.of(household.firstRow, Column.RELATION, "import.problem.no-head"));
            }
            for (var row : household.extraHeads) {
                problem(household.firstHeadRow < 0
                        ? RowProblem.of(row, Column.RELATION, "import.problem.head-exists")
                        : RowProblem.of(row, Column.RELATION, "import.problem.two-heads", household.firstHeadRow));
            }
        }
        if (!problems.isEmpty()) {
            problemSink.accept(List.copyOf(problems));
            problems.clear();
        }
        progress.accept(rows);
        return new Result(rows, badRows.cardinality(), newHouseholds, rows);
    }

    private void problem(RowProblem problem) {
        badRows.set(problem.row());
        problems.add(problem);
        if (problems.size() >= BATCH) {
            problemSink.accept(List.copyOf(problems));
            problems.clear();
        }
    }

    /** Checks the pending ID numbers against the registry, then writes what is pending while nothing is bad. */
    private void flush() {
        if (!pendingHashes.isEmpty()) {
            for (var hash : registry.existingHashes(List.copyOf(pendingHashes.keySet()))) {
                problem(RowProblem.of(pendingHashes.get(hash), Column.ID_NUMBER, "import.problem.already-registered"));
            }
            pendingHashes.clear();
        }
        if (writer != null && badRows.isEmpty() && !pendingResidents.isEmpty()) {
            writer.write(List.copyOf(pendingHouseholds), List.copyOf(pendingResidents));
            pendingHouseholds.clear();
        }
        pendingResidents.clear();
    }
}
