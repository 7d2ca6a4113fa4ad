package org.parley.exchange;

import java.util.List;
import java.util.Map;
import org.parley.api.PublicIds;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The exchange API's JSON: records with public ids (never internal keys). */
@Component
class ExchangeJson {

    private final PublicIds publicIds;

    ExchangeJson(PublicIds publicIds) {
        this.publicIds = publicIds;
    }

    ObjectNode round(ExchangeService.RoundView view) {
        Round r = view.round();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", view.publicId());
        node.put("title", r.title());
        ArrayNode parties = node.putArray("parties");
        r.parties().forEach(parties::add);
        node.put("intermediary", r.intermediary());
        node.put("state", r.state().name());
        node.put("createdBy", r.createdBy());
        node.put("createdAt", r.createdAt().toString());
        node.put("waitingOn", view.move().waitingOn());
        node.put("waitingSince", view.move().waitingSince() == null ? null : view.move().waitingSince().toString());
        node.put("stalled", view.move().stalled());
        if (r.state() == RoundState.ABANDONED) {
            node.put("abandonedBy", r.abandonedBy());
            node.put("abandonedAt", r.abandonedAt().toString());
            node.put("abandonReason", r.abandonReason());
        }
        return node;
    }

    ObjectNode version(ListVersion v) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", v.number());
        node.put("party", v.party());
        node.put("kind", v.kind().code());
        node.put("basedOn", v.number() - 1);
        node.put("createdBy", v.createdBy());
        node.put("createdAt", v.createdAt().toString());
        node.put("entries", v.entryCount());
        node.put("removals", v.removalCount());
        return node;
    }

    /** An entry as the audit state holds it, the person named by its public id. */
    ObjectNode entry(ListEntry e) {
        return ListStates.entryJson(e).put("personId", person(e.personId()));
    }

    ObjectNode content(ListService.VersionContent content) {
        ObjectNode node = version(content.version());
        ArrayNode entries = node.putArray("entries");
        content.entries().forEach(e -> entries.add(entry(e)));
        node.put("entryCount", content.version().entryCount());
        ArrayNode removals = node.putArray("removals");
        content.removals().forEach(r -> removals.addObject().put("ref", r.ref()).put("reason", r.reason().name())
                .put("note", r.note()));
        return node;
    }

    ObjectNode diff(ListService.Diff diff) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode added = node.putArray("added");
        diff.added().forEach(e -> added.add(entry(e)));
        ArrayNode removed = node.putArray("removed");
        for (ListService.Removed r : diff.removed()) {
            ObjectNode item = removed.addObject();
            item.set("entry", entry(r.entry()));
            item.put("reason", r.reason() == null ? null : r.reason().name());
            item.put("note", r.note());
        }
        ArrayNode changed = node.putArray("changed");
        for (ListService.Changed c : diff.changed()) {
            ObjectNode item = changed.addObject();
            item.put("ref", c.ref());
            ObjectNode fields = item.putObject("fields");
            for (Map.Entry<String, String[]> f : c.fields().entrySet()) {
                boolean isPerson = f.getKey().equals("personId");
                fields.putObject(f.getKey())
                        .put("from", isPerson ? person(f.getValue()[0]) : f.getValue()[0])
                        .put("to", isPerson ? person(f.getValue()[1]) : f.getValue()[1]);
            }
        }
        return node;
    }

    ObjectNode reconciliation(ReconciliationService.View view) {
        ObjectNode node = version(view.version());
        ArrayNode items = node.putArray("items");
        view.items().forEach(i -> items.add(item(i, view.full())));
        ObjectNode counts = node.putObject("counts");
        view.counts().forEach(counts::put);
        return node;
    }

    ObjectNode item(ReconciliationService.Item i, boolean full) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ref", i.entry().ref());
        node.put("outcome", i.outcome() == null ? null : i.outcome().name());
        node.put("personId", person(i.personId()));
        if (full) {
            node.put("score", i.score());
            node.put("explanation", i.explanation());
            ArrayNode candidates = node.putArray("candidates");
            for (Match.Candidate c : i.candidates()) {
                candidates.addObject().put("personId", person(c.personId())).put("score", c.score())
                        .put("explanation", c.explanation());
            }
        }
        node.put("reason", i.reason() == null ? null : i.reason().name());
        node.put("confirmation", i.confirmation().name());
        return node;
    }

    ObjectNode leftOff(LeftOffService.Figure figure) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("total", figure.total());
        node.put("neverListed", figure.neverListed());
        node.put("removed", figure.removed());
        ArrayNode items = node.putArray("items");
        for (LeftOffService.Item item : figure.items()) {
            Person p = item.person();
            ObjectNode person = items.addObject();
            person.put("personId", p.publicId());
            for (PersonField field : List.of(PersonField.SURNAME, PersonField.GIVEN_NAME, PersonField.PATRONYMIC,
                    PersonField.DATE_OF_BIRTH, PersonField.CATEGORY, PersonField.RANK_GROUP, PersonField.BRANCH,
                    PersonField.HEALTH_STATE, PersonField.SERIOUSLY_ILL_OR_WOUNDED, PersonField.CAPTURE_DATE)) {
                Object value = p.get(field);
                person.put(field.jsonName(), value == null ? null : value.toString());
            }
            person.put("status", p.status().name());
            person.put("removed", item.removed());
            person.put("removalReason", item.removalReason());
        }
        node.put("page", figure.page());
        node.put("size", figure.size());
        ObjectNode breakdown = node.putObject("breakdown");
        figure.breakdown().forEach((dimension, values) -> {
            ObjectNode counts = breakdown.putObject(dimension);
            values.forEach(counts::put);
        });
        return node;
    }

    private String person(Long id) {
        return id == null ? null : publicIds.of(PublicIds.Kind.PERSON, id);
    }

    private String person(String internalKey) {
        return internalKey == null ? null : person(Long.parseLong(internalKey));
    }
}
