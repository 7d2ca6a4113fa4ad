package org.parley.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.ForbiddenException;
import org.parley.api.NotFoundException;
import org.parley.api.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the audit log. Every hash is base64 (RFC 4648, standard alphabet, padded). Checkpoints, proofs and
 * the public key are for every authenticated user; entries for auditors (see {@link AuditEntries}).
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Tamper-evident log: signed checkpoints, RFC 9162 proofs, entries")
class AuditController {

    private final AuditTree tree;
    private final AuditEntries entries;

    AuditController(AuditTree tree, AuditEntries entries) {
        this.tree = tree;
        this.entries = entries;
    }

    @GetMapping("/checkpoints/latest")
    @Operation(summary = "The latest signed checkpoint", description = "treeSize, rootHash, signedAt, signature "
            + "(Ed25519 over the note's body) and note: the text a party keeps and verifies later.")
    Map<String, Object> latest() {
        Callers.require();
        return write(tree.latest().orElseThrow(() -> NotFoundException.absent("checkpoint", "latest")),
                tree.publicKey());
    }

    @GetMapping("/checkpoints/{size}")
    @Operation(summary = "The checkpoint of a tree size")
    Map<String, Object> checkpoint(@PathVariable long size) {
        Callers.require();
        return write(tree.checkpoint(size), tree.publicKey());
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Sign a checkpoint now", description = "For auditors and administrators. Answers the new "
            + "checkpoint, or the latest one when no entry was appended since.")
    Map<String, Object> sign() {
        Caller caller = Callers.require();
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.ADMIN)) {
            throw new ForbiddenException("only auditors and administrators sign checkpoints on demand", "checkpoint",
                    null);
        }
        return write(tree.sign(), tree.publicKey());
    }

    @GetMapping("/entries/{seq}/proof")
    @Operation(summary = "Inclusion proof of an entry (RFC 9162 §2.1.3)", description = "leafHash is SHA-256(0x00 || "
            + "the entry's canonical JSON); auditPath lists the sibling hashes from the leaf up. treeSize defaults to "
            + "the latest checkpoint's.")
    Map<String, Object> inclusion(@PathVariable long seq, @RequestParam(required = false) Long treeSize) {
        Callers.require();
        long size = treeSize != null ? treeSize : tree.latest().map(Checkpoint::treeSize)
                .orElseThrow(() -> NotFoundException.absent("checkpoint", "latest"));
        AuditTree.InclusionProof proof = tree.inclusion(seq, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("leafIndex", proof.leafIndex());
        answer.put("treeSize", proof.treeSize());
        answer.put("leafHash", base64(proof.leafHash()));
        answer.put("auditPath", proof.path().stream().map(AuditController::base64).toList());
        return answer;
    }

    @GetMapping("/consistency")
    @Operation(summary = "Consistency proof between two tree sizes (RFC 9162 §2.1.4)")
    Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
        Callers.require();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from);
        answer.put("to", to);
        answer.put("proof", tree.consistency(from, to).stream().map(AuditController::base64).toList());
        return answer;
    }

    @GetMapping("/public-key")
    @Operation(summary = "The instance's Ed25519 public key", description = "spki: the X.509 SubjectPublicKeyInfo "
            + "(DER) in base64; pem: the same as PEM; noteVerifierKey: the key as signed-note verifiers take it "
            + "(c2sp.org/signed-note), to verify checkpoint notes with standard tools.")
    Map<String, Object> publicKey() {
        Callers.require();
        return Map.of("algorithm", SigningKey.ALGORITHM, "spki", base64(tree.publicKey().getEncoded()),
                "pem", SigningKey.publicKeyPem(tree.publicKey()),
                "noteVerifierKey", NoteKey.ed25519(Checkpoint.ORIGIN, tree.publicKey()).vkey());
    }

    @GetMapping("/entries")
    @Operation(summary = "Audit entries, newest first", description = "Auditors only: the intermediary's see all, a "
            + "party's its own organisation's. Filters: organisation, actor, action, recordType, recordId, from, to "
            + "(instant or date); page, size (max 200).")
    Map<String, Object> list(@RequestParam Map<String, String> parameters) {
        Caller caller = Callers.require();
        AuditEntries.visible(caller, EntryFilter.NONE); // a non-auditor learns nothing, not even about parameters
        EntryQuery query = EntryQuery.read(parameters);
        AuditEntries.Page page = entries.find(caller, query.filter(), query.page(), query.size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page.items().stream().map(listed -> entries.write(caller, listed)).toList());
        answer.put("total", page.total());
        answer.put("page", page.page());
        answer.put("size", page.size());
        return answer;
    }

    static Map<String, Object> write(Checkpoint checkpoint, PublicKey key) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("treeSize", checkpoint.treeSize());
        node.put("rootHash", base64(checkpoint.rootHash()));
        node.put("signedAt", checkpoint.signedAt().toString());
        node.put("signature", base64(checkpoint.signature()));
        node.put("note", checkpoint.note(key));
        return node;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
