package org.parley.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.parley.api.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole person list, for features that hand it out in another form (an export, a batch of capture cards): exactly
 * the persons {@code GET /api/v1/persons} lists for the caller with the same filters, in the same order, each with
 * the facts the caller may read (withheld ones left out), read in batches so that a million never sit in memory.
 */
@Service
public class PersonStream {

    /** Persons read, written and let go at a time. */
    public static final int BATCH = 1000;

    private final PersonRepository persons;
    private final RegistryService registry;
    private final List<PersonAnnotations> annotations;

    PersonStream(PersonRepository persons, RegistryService registry, List<PersonAnnotations> annotations) {
        this.persons = persons;
        this.registry = registry;
        this.annotations = annotations;
    }

    /**
     * How many persons the list holds, all counted (where {@code GET /api/v1/persons} stops counting a long list at
     * a thousand); a name search as that gives it.
     */
    @Transactional(readOnly = true)
    public long count(Caller caller, PersonFilter filter, PersonSort sort) {
        RecordAccess.requireReader(caller);
        return persons.count(caller, filter, registry.contributed(filter), sort);
    }

    /**
     * The persons of the list, in order, a batch of up to {@link #BATCH} at a time, each as the caller may read it.
     * Runs in the caller's transaction when there is one (a cursor lives only as long as its transaction).
     */
    @Transactional(readOnly = true)
    public void forEach(Caller caller, PersonFilter filter, PersonSort sort, Consumer<List<Person>> batch) {
        RecordAccess.requireReader(caller);
        List<Person> pending = new ArrayList<>(BATCH);
        persons.forEach(caller, filter, registry.contributed(filter), sort, BATCH, person -> {
            pending.add(RecordAccess.redact(caller, person));
            if (pending.size() == BATCH) {
                batch.accept(List.copyOf(pending));
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            batch.accept(List.copyOf(pending));
        }
    }

    /**
     * The persons as the API writes them, with what other features derive about them (see {@link PersonAnnotations});
     * all of them visible to the caller.
     */
    public List<ObjectNode> json(Caller caller, List<Person> list) {
        List<ObjectNode> nodes = list.stream().map(PersonJson::write).toList();
        for (PersonAnnotations annotation : annotations) {
            Map<Long, Map<String, String>> fields = annotation.annotate(caller, list);
            for (int i = 0; i < list.size(); i++) {
                fields.getOrDefault(list.get(i).id(), Map.of()).forEach(nodes.get(i)::put);
            }
        }
        return nodes;
    }
}
