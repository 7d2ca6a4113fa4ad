package org.parley.reports;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.parley.api.PublicIds;
import org.parley.audit.AuditLog;
import org.parley.audit.AuditTree;
import org.parley.registry.PersonFigures;
import org.springframework.stereotype.Component;

/**
 * The database as {@code audit verify-document} asks it about a report: the log's roots, and the status each
 * counted person had at a tree size — the version of its latest audit entry among the log's first entries, and the
 * status of that version as the registry keeps it.
 */
@Component
public class ReportLogLookup implements ReportVerifier.Lookup {

    private final AuditLog log;
    private final AuditTree tree;
    private final PersonFigures persons;
    private final PublicIds publicIds;

    ReportLogLookup(AuditLog log, AuditTree tree, PersonFigures persons, PublicIds publicIds) {
        this.log = log;
        this.tree = tree;
        this.persons = persons;
        this.publicIds = publicIds;
    }

    @Override
    public Optional<byte[]> root(long treeSize) {
        return treeSize > 0 && treeSize <= tree.size() ? Optional.of(tree.root(treeSize)) : Optional.empty();
    }

    @Override
    public Map<String, String> statusesAt(Collection<String> ids, long treeSize) {
        Map<String, Long> internal = new HashMap<>();
        for (String id : ids) {
            try {
                internal.put(id, publicIds.parse(PublicIds.Kind.PERSON, id));
            } catch (RuntimeException notAnId) {
                // not a person's id: it has no status
            }
        }
        Map<String, Integer> versions = log.versionsAt(PersonFigures.recordType(),
                internal.values().stream().map(String::valueOf).toList(), treeSize);
        Map<Long, Integer> byPerson = new HashMap<>();
        versions.forEach((recordId, version) -> {
            if (version != null) {
                byPerson.put(Long.parseLong(recordId), version);
            }
        });
        Map<Long, String> statuses = persons.statusesAt(byPerson);
        Map<String, String> answer = new HashMap<>();
        internal.forEach((id, personId) -> {
            if (statuses.containsKey(personId)) {
                answer.put(id, statuses.get(personId));
            }
        });
        return answer;
    }

}
