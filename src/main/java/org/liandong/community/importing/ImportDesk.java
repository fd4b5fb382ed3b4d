package org.liandong.community.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.RegistryWriter;
import org.liandong.platform.AccessScope;
import org.liandong.platform.AuditLog;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a registry sheet from upload to registry: stores the bytes, checks every row (the preview), and
 * commits all or nothing in one transaction after checking again, since the registry may have changed in
 * between. Large files run on a virtual thread and report progress in {@code processed_rows}.
 */
@Service
class ImportDesk {

    private static final Logger log = LoggerFactory.getLogger(ImportDesk.class);

    private final RegistryImports imports;
    private final RegistryWriter writer;
    private final Places places;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final AsyncTaskExecutor background;
    private final ImportSettings settings;
    private final VulnerabilityWords words;
    private final Clock clock;

    ImportDesk(RegistryImports imports, RegistryWriter writer, Places places, JdbcClient jdbc, AuditLog audit,
               TransactionTemplate tx, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor background,
               ImportSettings settings, MessageSource messages, Clock clock) {
        this.imports = imports;
        this.writer = writer;
        this.places = places;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.background = background;
        this.settings = settings;
        this.words = new VulnerabilityWords(messages);
        this.clock = clock;
    }

    /** Stores the file and checks it: at once when small, else in the background. */
    UUID upload(LiandongUser user, String communityId, String fileName, byte[] content) {
        user.scope().check(communityId);
        places.community(communityId).orElseThrow(OutOfScopeException::new);
        var id = UUID.randomUUID();
        imports.create(id, communityId, user.userId(), fileName, content);
        imports.discardEarlier(id, communityId, user.userId());
        if (inBackground(content.length)) {
            background.execute(() -> check(id));
        } else {
            check(id);
        }
        return id;
    }

    /** The import, if the person's scope covers its community; otherwise it does not exist for them. */
    RegistryImport find(AccessScope scope, UUID id) {
        var found = imports.find(id).orElseThrow(OutOfScopeException::new);
        scope.check(found.communityId());
        return found;
    }

    void commit(LiandongUser user, UUID id) {
        var found = find(user.scope(), id);
        if (!imports.claim(id, RegistryImport.Status.READY, RegistryImport.Status.COMMITTING)) {
            throw new InvalidValueException("import.commit.not-ready");
        }
        var size = imports.content(id).map(c -> c.length).orElse(0);
        if (inBackground(size)) {
            background.execute(() -> commitNow(user, found));
        } else {
            commitNow(user, found);
        }
    }

    void discard(AccessScope scope, UUID id) {
        find(scope, id);
        if (!imports.discard(id)) {
            throw new InvalidValueException("import.discard.not-possible");
        }
    }

    private boolean inBackground(int bytes) {
        return bytes > settings.backgroundAbove().toBytes();
    }

    /** The preview: every row checked, every problem stored. */
    void check(UUID id) {
        try {
            var found = imports.find(id).orElseThrow();
            var file = SpreadsheetFile.of(imports.content(id).orElseThrow());
            int total = file.count(settings.maxRows());
            imports.progress(id, 0, total);
            var pass = pass(found.communityId(), null, problems -> imports.addProblems(id, problems),
                    processed -> imports.progress(id, processed, total));
            file.read(settings.maxRows(), pass::accept);
            imports.checked(id, pass.finish());
        } catch (FileRejected e) {
            imports.rejected(id, e.messageKey(), e.arg());
        } catch (RuntimeException e) {
            log.error("checking registry import {} failed", id, e);
            imports.failed(id, "import.failed");
        }
    }

    /** Checks again and writes, in one transaction: any problem or error and nothing is written. */
    void commitNow(LiandongUser user, RegistryImport found) {
        var id = found.id();
        var problems = new ArrayList<RowProblem>();
        try {
            var file = SpreadsheetFile.of(imports.content(id).orElseThrow());
            int total = found.totalRows();
            var result = tx.execute(status -> {
                var pass = pass(found.communityId(), (households, residents) -> {
                    writer.households(households);
                    writer.residents(residents);
                }, problems::addAll, processed -> imports.progress(id, processed, total));
                file.read(settings.maxRows(), pass::accept);
                var r = pass.finish();
                if (r.badRows() > 0) {
                    status.setRollbackOnly();
                } else {
                    imports.committed(id, r);
                }
                return r;
            });
            if (result == null || result.badRows() > 0) {
                imports.refused(id, result == null ? new ImportPass.Result(0, 0, 0, 0) : result, problems);
                return;
            }
            audit.record(user, "IMPORT_RESIDENTS", "registry_import", id.toString(), label(found, result.rows()),
                    found.communityId(), null);
        } catch (FileRejected e) {
            imports.rejected(id, e.messageKey(), e.arg());
        } catch (RuntimeException e) {
            log.error("committing registry import {} failed; nothing was written", id, e);
            imports.failed(id, "import.failed");
        }
    }

    private static String label(RegistryImport found, int rows) {
        var name = found.fileName().length() > 150 ? found.fileName().substring(0, 150) : found.fileName();
        return name + " (" + rows + ")";
    }

    private ImportPass pass(String communityId, ImportPass.@Nullable Writer sink, Consumer<List<RowProblem>> problems,
                            IntConsumer progress) {
        var buildings = new HashMap<String, UUID>();
        places.buildings(communityId).forEach(b -> buildings.put(b.name(), UUID.fromString(b.id())));
        var validator = new RowValidator(buildings, words, LocalDate.now(clock));
        var registry = new ImportPass.Registry() {
            @Override
            public Set<String> existingHashes(List<String> hashes) {
                return writer.existingIdHashes(hashes);
            }

            @Override
            public String hash(String idNumber) {
                return writer.blindIndex(new ChineseIdNumber(idNumber));
            }
        };
        return new ImportPass(communityId, validator, existingHouseholds(communityId), registry, sink, problems,
                progress);
    }

    private Map<ImportPass.HouseholdKey, ImportPass.Existing> existingHouseholds(String communityId) {
        var map = new HashMap<ImportPass.HouseholdKey, ImportPass.Existing>();
        jdbc.sql("""
                select h.id, h.building_id, h.room,
                       (select count(*) from resident r where r.household_id = h.id and r.relation = 'HEAD'
                          and r.moved_out is null) heads
                from household h where h.community_id = :c""")
                .param("c", communityId)
                .query(rs -> {
                    map.put(new ImportPass.HouseholdKey(rs.getObject("building_id", UUID.class), rs.getString("room")),
                            new ImportPass.Existing(rs.getObject("id", UUID.class), rs.getInt("heads") > 0));
                });
        return map;
    }
}
