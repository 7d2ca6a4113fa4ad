package org.parley.exchange;

import org.parley.print.PrintedDocuments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.TextCheck;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The exchange list, proposals, approvals, the agreement, the handover and the round's report. */
@RestController
@RequestMapping(path = "/api/v1/exchanges/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Exchange rounds")
class AgreementController {

    private final ExchangeListService exchangeLists;
    private final AgreementService agreements;
    private final HandoverService handovers;
    private final ExchangeDocuments documents;

    AgreementController(ExchangeListService exchangeLists, AgreementService agreements, HandoverService handovers,
            ExchangeDocuments documents) {
        this.exchangeLists = exchangeLists;
        this.agreements = agreements;
        this.handovers = handovers;
        this.documents = documents;
    }

    @PostMapping(path = "/proposals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose the next exchange-list version", description = "By a NEGOTIATOR of a party or "
            + "the intermediary: {\"balance\": \"N_FOR_N\" | \"ALL_FOR_ALL\" | \"FIXED\", \"count\": N (FIXED "
            + "only)}. Built from the latest reconciled request and offer lists; seriously ill or wounded persons "
            + "are always in and outside the balance; the others ranked by time in captivity and cut by the balance.")
    ResponseEntity<ObjectNode> propose(@PathVariable String id, @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("balance", "count"));
        Proposal.Balance balance = in.required(in.enumValue(body.get("balance"), "balance", Proposal.Balance.class),
                "balance");
        Long count = in.integer(body.get("count"), "count");
        if (count != null && (count < 0 || count > ListService.MAX_ENTRIES)) {
            in.error("count", "must be from 0 to " + ListService.MAX_ENTRIES);
        }
        in.throwIfAny();
        ExchangeListDocument document = exchangeLists.propose(Callers.require(), id, balance,
                count == null ? null : count.intValue());
        return ResponseEntity.created(URI.create("/api/v1/exchanges/" + id + "/exchange-list/versions/"
                + document.version())).body(document.toJson());
    }

    @PostMapping(path = "/exchange-list/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an edited exchange-list version", description = "By a party's NEGOTIATOR: "
            + "{\"basedOn\": latest (0 for the first), \"releases\": {\"party-a\": [{\"personId\", \"ref\", "
            + "\"source\"}], \"party-b\": [...]}, \"removals\": [{\"personId\", \"reason\", \"note\"}]}. Persons kept "
            + "from the latest version keep what it said of them; every person left out needs a removal with its "
            + "reason. 409 stale-version when basedOn is not the latest.")
    ResponseEntity<ObjectNode> submit(@PathVariable String id, @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("basedOn", "releases", "removals"));
        Long basedOn = in.required(in.integer(body.get("basedOn"), "basedOn"), "basedOn");
        Map<String, List<ExchangeListService.ItemInput>> releases = new LinkedHashMap<>();
        JsonNode sides = body.get("releases");
        if (sides == null || !sides.isObject()) {
            in.error("releases", "must be an object: {\"party code\": [items]}");
        } else {
            for (Map.Entry<String, JsonNode> side : sides.properties()) {
                List<ExchangeListService.ItemInput> items = new ArrayList<>();
                JsonNode array = side.getValue();
                if (!array.isArray() || array.size() > ListService.MAX_ENTRIES) {
                    in.error("releases." + side.getKey(), "must be an array of at most " + ListService.MAX_ENTRIES
                            + " items");
                    continue;
                }
                for (int i = 0; i < array.size(); i++) {
                    JsonNode item = array.get(i);
                    String at = "releases." + side.getKey() + "[" + i + "].";
                    if (!item.isObject()) {
                        in.error(at.substring(0, at.length() - 1), "must be an object");
                        continue;
                    }
                    item.propertyNames().stream().filter(n -> !Set.of("personId", "ref", "source").contains(n))
                            .forEach(n -> in.error(at + n, "is not a member of an item"));
                    String personId = in.required(in.text(item.get("personId"), at + "personId", 100),
                            at + "personId");
                    items.add(new ExchangeListService.ItemInput(personId,
                            in.text(item.get("ref"), at + "ref", ListService.MAX_REF),
                            in.enumValue(item.get("source"), at + "source", ReleaseSource.class)));
                }
                releases.put(side.getKey(), items);
            }
        }
        List<ExchangeListService.RemovalInput> removals = new ArrayList<>();
        JsonNode removalNode = body.get("removals");
        if (removalNode != null && !removalNode.isNull()) {
            if (!removalNode.isArray()) {
                in.error("removals", "must be an array of {\"personId\", \"reason\", \"note\"}");
            } else {
                for (int i = 0; i < removalNode.size(); i++) {
                    JsonNode r = removalNode.get(i);
                    String at = "removals[" + i + "].";
                    if (!r.isObject()) {
                        in.error("removals[" + i + "]", "must be an object");
                        continue;
                    }
                    r.propertyNames().stream().filter(n -> !Set.of("personId", "reason", "note").contains(n))
                            .forEach(n -> in.error(at + n, "is not a member of a removal"));
                    String personId = in.required(in.text(r.get("personId"), at + "personId", 100), at + "personId");
                    RemovalReason reason = in.required(in.enumValue(r.get("reason"), at + "reason",
                            RemovalReason.class), at + "reason");
                    String note = in.text(r.get("note"), at + "note", ListService.MAX_NOTE, TextCheck.Kind.MULTI_LINE);
                    if (personId != null && reason != null) {
                        removals.add(new ExchangeListService.RemovalInput(personId, reason, note));
                    }
                }
            }
        }
        in.throwIfAny();
        ExchangeListDocument document = exchangeLists.submit(Callers.require(), id,
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, basedOn)), releases, removals);
        return ResponseEntity.created(URI.create("/api/v1/exchanges/" + id + "/exchange-list/versions/"
                + document.version())).body(document.toJson());
    }

    @GetMapping("/exchange-list/versions")
    @Operation(summary = "The versions of the exchange list", description = "Numbers, authors, times and hashes, "
            + "oldest first.")
    ObjectNode versions(@PathVariable String id) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode items = node.putArray("items");
        for (ExchangeListVersion v : exchangeLists.versions(Callers.require(), id)) {
            items.addObject().put("version", v.number()).put("basedOn", v.number() == 1 ? null : v.number() - 1)
                    .put("createdBy", v.createdBy()).put("createdAt", v.createdAt().toString())
                    .put("hash", HexFormat.of().formatHex(v.hash()));
        }
        return node;
    }

    @GetMapping("/exchange-list/versions/{n}")
    @Operation(summary = "One exchange-list version", description = "{\"version\", \"basedOn\", \"createdBy\", "
            + "\"releases\": {party: [{\"personId\", \"ref\", \"source\", \"priority\", \"reason\", "
            + "\"countedInBalance\", \"name\", \"latin\", …}]}, \"excluded\": [{\"personId\", \"ref\", \"side\", "
            + "\"reason\"}], \"counts\"}: the document approvals sign, the same for every participant.")
    ObjectNode version(@PathVariable String id, @PathVariable String n) {
        return exchangeLists.version(Callers.require(), id, ListController.number(n)).toJson();
    }

    @GetMapping("/exchange-list/versions/{n}/diff")
    @Operation(summary = "What changed between two exchange-list versions", description = "?from=M: persons "
            + "added, removed (with the reason) and changed (priority, counting, reason), by side.")
    ObjectNode diff(@PathVariable String id, @PathVariable String n, @RequestParam String from) {
        ExchangeListService.Diff diff = exchangeLists.diff(Callers.require(), id, ListController.number(n),
                ListController.number(from));
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        changes(node.putArray("added"), diff.added());
        changes(node.putArray("removed"), diff.removed());
        changes(node.putArray("changed"), diff.changed());
        return node;
    }

    private static void changes(ArrayNode array, List<ExchangeListService.Change> changes) {
        for (ExchangeListService.Change c : changes) {
            ExchangeListDocument.Item item = c.after() != null ? c.after() : c.before();
            ObjectNode node = array.addObject().put("personId", item.personId()).put("side", c.side())
                    .put("name", item.identity().name());
            if (c.before() != null && c.after() != null) {
                node.put("priorityBefore", c.before().priority()).put("priority", c.after().priority())
                        .put("reasonBefore", c.before().reason()).put("reason", c.after().reason());
            } else if (c.after() == null) {
                node.put("reason", c.reason());
            } else {
                node.put("reason", item.reason());
            }
        }
    }

    @PostMapping("/exchange-list/versions/{n}/approvals")
    @Operation(summary = "Approve an exchange-list version", description = "By a party's NEGOTIATOR for its own "
            + "organisation (a body {\"organisation\"} naming another is refused), or the intermediary's as witness. "
            + "Signs the SHA-256 of the version's canonical JSON with the instance key. 409 when the version is not "
            + "the latest, or releases a person not in custody of that side or verified not to return. When both "
            + "parties approved the same version, the round is AGREED.")
    ResponseEntity<ObjectNode> approve(@PathVariable String id, @PathVariable String n,
            @RequestBody(required = false) JsonNode body) {
        JsonInput in = new JsonInput();
        String organisation = null;
        if (body != null && !body.isNull()) {
            in.onlyMembers(body, Set.of("organisation"));
            organisation = in.text(body.get("organisation"), "organisation", 40);
        }
        in.throwIfAny();
        Approval approval = agreements.approve(Callers.require(), id, ListController.number(n), organisation);
        return ResponseEntity.created(URI.create("/api/v1/exchanges/" + id + "/approvals")).body(approval(id, approval));
    }

    @GetMapping("/approvals")
    @Operation(summary = "Every approval of the round's exchange-list versions", description = "Oldest first, "
            + "with their signatures.")
    ObjectNode approvals(@PathVariable String id) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode items = node.putArray("items");
        agreements.approvals(Callers.require(), id).forEach(a -> items.add(approval(id, a)));
        return node;
    }

    private static ObjectNode approval(String roundId, Approval a) {
        ObjectNode node = a.signed(roundId).payload();
        node.put("signature", a.signatureBase64());
        node.put("auditSeq", a.auditSeq());
        return node;
    }

    @GetMapping("/agreement")
    @Operation(summary = "The agreement document", description = "The agreed version with names in both scripts, "
            + "its hash, the approvals and their signatures, the instance's public key and an audit checkpoint "
            + "covering the approvals: check it offline with 'parley audit verify-document FILE'. 409 before the "
            + "agreement.")
    ObjectNode agreement(@PathVariable String id) {
        return agreements.agreement(Callers.require(), id);
    }

    @GetMapping(path = "/agreement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The agreement document for print", description = "The same as /agreement, A4, names in "
            + "both scripts, hash and signatures in full, in the language of Accept-Language (en, uk, ru).")
    ResponseEntity<byte[]> agreementPdf(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return PrintedDocuments.pdf(documents.agreementPdf(Callers.require(), id, PrintedDocuments.language(language)),
                "agreement-" + id + ".pdf");
    }

    @PostMapping(path = "/handover", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record handover outcomes", description = "By the holding party's REGISTRAR (its own "
            + "persons) or the intermediary: {\"entries\": [{\"personId\", \"outcome\": \"TRANSFERRED\" | "
            + "\"DID_NOT_APPEAR\" | \"DECLINED\", \"note\"}]}, persons of the agreement only; a later entry corrects "
            + "an earlier one until completion. DECLINED needs a verified statement not to return taken since the "
            + "agreement.")
    ResponseEntity<ObjectNode> record(@PathVariable String id, @RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("entries"));
        List<HandoverService.EntryInput> entries = new ArrayList<>();
        JsonNode array = body.get("entries");
        if (array == null || !array.isArray()) {
            in.error("entries", "must be an array of {\"personId\", \"outcome\", \"note\"}");
        } else {
            for (int i = 0; i < array.size(); i++) {
                JsonNode e = array.get(i);
                String at = "entries[" + i + "].";
                if (!e.isObject()) {
                    in.error("entries[" + i + "]", "must be an object");
                    continue;
                }
                e.propertyNames().stream().filter(n -> !Set.of("personId", "outcome", "note").contains(n))
                        .forEach(n -> in.error(at + n, "is not a member of an entry"));
                String personId = in.required(in.text(e.get("personId"), at + "personId", 100), at + "personId");
                HandoverOutcome outcome = in.required(in.enumValue(e.get("outcome"), at + "outcome",
                        HandoverOutcome.class), at + "outcome");
                String note = in.text(e.get("note"), at + "note", HandoverService.MAX_NOTE, TextCheck.Kind.MULTI_LINE);
                entries.add(new HandoverService.EntryInput(personId, outcome, note));
            }
        }
        in.throwIfAny();
        List<HandoverEntry> stored = handovers.record(Callers.require(), id, entries);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("recorded", stored.size());
        return ResponseEntity.status(201).body(node);
    }

    @GetMapping("/handover")
    @Operation(summary = "The handover checklist", description = "Each person of the agreement with the latest "
            + "outcome recorded, and how many have none yet.")
    ObjectNode checklist(@PathVariable String id) {
        HandoverService.Checklist checklist = handovers.checklist(Callers.require(), id);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("agreedVersion", checklist.agreedVersion());
        node.put("missing", checklist.missing());
        ArrayNode items = node.putArray("items");
        for (HandoverService.Line line : checklist.lines()) {
            ObjectNode item = items.addObject().put("personId", line.item().personId()).put("side", line.side())
                    .put("name", line.item().identity().name()).put("latin", line.item().identity().latin());
            if (line.latest() != null) {
                item.put("outcome", line.latest().outcome().name()).put("note", line.latest().note())
                        .put("recordedBy", line.latest().recordedBy())
                        .put("recordedAt", line.latest().recordedAt().toString());
            } else {
                item.putNull("outcome");
            }
        }
        return node;
    }

    @PostMapping("/handover/complete")
    @Operation(summary = "Complete the handover", description = "By the intermediary's NEGOTIATOR (or, without "
            + "intermediary, both parties' negotiators): needs an outcome for every person (409 listing those "
            + "missing); in one transaction appends EXCHANGED or REMAINED to each person's lifecycle, sets the "
            + "round EXECUTED and stores its report.")
    ObjectNode complete(@PathVariable String id) {
        HandoverService.Completion completion = handovers.complete(Callers.require(), id);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("state", completion.executed() ? RoundState.EXECUTED.name() : RoundState.AGREED.name());
        ArrayNode asked = node.putArray("completionRequestedBy");
        completion.requestedBy().forEach(asked::add);
        return node;
    }

    @GetMapping("/report")
    @Operation(summary = "The round's report", description = "Made when the handover is completed: agreed against "
            + "transferred by side, category, rank group and Art. 110 flag; who did not appear and who declined.")
    ObjectNode report(@PathVariable String id) {
        return handovers.report(Callers.require(), id);
    }

    @GetMapping(path = "/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The round's report for print", description = "The same as /report with its charts as bars, "
            + "in the language of Accept-Language (en, uk, ru).")
    ResponseEntity<byte[]> reportPdf(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return PrintedDocuments.pdf(documents.reportPdf(Callers.require(), id, PrintedDocuments.language(language)),
                "report-" + id + ".pdf");
    }
}
