package org.parley.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.CanonicalJson;
import org.parley.audit.AuditLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A version of a round's exchange list as one JSON document: who each party releases (with each person's name as
 * written and in Latin letters, frozen when the version was made), who is left out and why, the removals of a
 * hand-edited version, and the counts. The same document is served to every participant, hashed (SHA-256 of its
 * RFC 8785 canonical JSON) and signed by the approvals, so a name changed in the registry later does not change
 * what was agreed. Person ids are public ids.
 */
public record ExchangeListDocument(String exchange, int version, Integer basedOn, String createdBy, Instant createdAt,
        Proposal.Balance balance, Integer count, Map<String, List<Item>> releases, List<Left> excluded,
        List<Dropped> removals, Map<String, Counts> counts) {

    /** The identity facts shown beside a released person. */
    public record Identity(String name, String latin, String dateOfBirth, String rank, String serviceNumber,
            String prisonerNumber) {
    }

    public record Item(String personId, String ref, ReleaseSource source, Integer priority, String reason,
            boolean countedInBalance, Identity identity) {
    }

    /** A person or requested record left out, with the code of its reason ({@link Proposal.Exclusion}, or REMOVED). */
    public record Left(String personId, String ref, String side, String code, String reason) {
    }

    /** A person a hand-edited version took off a side, with the reason given. */
    public record Dropped(String personId, String side, RemovalReason reason, String note) {
    }

    public record Counts(int released, int countedInBalance, int outsideBalance, int excluded, int shortBy) {
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("exchange", exchange);
        node.put("version", version);
        node.put("basedOn", basedOn);
        node.put("createdBy", createdBy);
        node.put("createdAt", createdAt.toString());
        if (balance == null) {
            node.putNull("proposal");
        } else {
            node.putObject("proposal").put("balance", balance.name()).put("count", count);
        }
        ObjectNode sides = node.putObject("releases");
        releases.forEach((side, items) -> {
            ArrayNode array = sides.putArray(side);
            for (Item i : items) {
                ObjectNode item = array.addObject();
                item.put("personId", i.personId());
                item.put("ref", i.ref());
                item.put("source", i.source().name());
                item.put("priority", i.priority());
                item.put("reason", i.reason());
                item.put("countedInBalance", i.countedInBalance());
                item.put("name", i.identity().name());
                item.put("latin", i.identity().latin());
                item.put("dateOfBirth", i.identity().dateOfBirth());
                item.put("rank", i.identity().rank());
                item.put("serviceNumber", i.identity().serviceNumber());
                item.put("prisonerNumber", i.identity().prisonerNumber());
            }
        });
        ArrayNode left = node.putArray("excluded");
        for (Left l : excluded) {
            left.addObject().put("personId", l.personId()).put("ref", l.ref()).put("side", l.side())
                    .put("code", l.code()).put("reason", l.reason());
        }
        ArrayNode dropped = node.putArray("removals");
        for (Dropped d : removals) {
            dropped.addObject().put("personId", d.personId()).put("side", d.side()).put("reason", d.reason().name())
                    .put("note", d.note());
        }
        ObjectNode countNode = node.putObject("counts");
        counts.forEach((side, c) -> countNode.putObject(side).put("released", c.released())
                .put("countedInBalance", c.countedInBalance()).put("outsideBalance", c.outsideBalance())
                .put("excluded", c.excluded()).put("shortBy", c.shortBy()));
        return node;
    }

    String canonical() {
        return CanonicalJson.write(toJson());
    }

    /** SHA-256 of the canonical JSON: what approvals sign. */
    static byte[] hash(String canonical) {
        return AuditLog.stateHash(canonical);
    }

    /** Reads a stored document back. */
    static ExchangeListDocument fromJson(JsonNode node) {
        JsonNode proposal = node.get("proposal");
        Map<String, List<Item>> releases = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> side : node.get("releases").properties()) {
            List<Item> items = new ArrayList<>();
            for (JsonNode i : side.getValue()) {
                items.add(new Item(text(i, "personId"), text(i, "ref"), ReleaseSource.valueOf(text(i, "source")),
                        i.get("priority").isNull() ? null : i.get("priority").asInt(), text(i, "reason"),
                        i.get("countedInBalance").asBoolean(), new Identity(text(i, "name"), text(i, "latin"),
                        text(i, "dateOfBirth"), text(i, "rank"), text(i, "serviceNumber"), text(i, "prisonerNumber"))));
            }
            releases.put(side.getKey(), items);
        }
        List<Left> excluded = new ArrayList<>();
        for (JsonNode l : node.get("excluded")) {
            excluded.add(new Left(text(l, "personId"), text(l, "ref"), text(l, "side"), text(l, "code"),
                    text(l, "reason")));
        }
        List<Dropped> removals = new ArrayList<>();
        for (JsonNode d : node.get("removals")) {
            removals.add(new Dropped(text(d, "personId"), text(d, "side"), RemovalReason.valueOf(text(d, "reason")),
                    text(d, "note")));
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> c : node.get("counts").properties()) {
            JsonNode v = c.getValue();
            counts.put(c.getKey(), new Counts(v.get("released").asInt(), v.get("countedInBalance").asInt(),
                    v.get("outsideBalance").asInt(), v.get("excluded").asInt(), v.get("shortBy").asInt()));
        }
        return new ExchangeListDocument(text(node, "exchange"), node.get("version").asInt(),
                node.get("basedOn").isNull() ? null : node.get("basedOn").asInt(), text(node, "createdBy"),
                Instant.parse(text(node, "createdAt")),
                proposal.isNull() ? null : Proposal.Balance.valueOf(text(proposal, "balance")),
                proposal.isNull() || proposal.get("count").isNull() ? null : proposal.get("count").asInt(),
                releases, excluded, removals, counts);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asString();
    }
}
