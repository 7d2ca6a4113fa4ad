package org.parley.audit;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log's actions and record types in words, for the audit page: each code the features write has a
 * message ({@code audit.action.CODE}, {@code audit.recordType.code}; an action that means something else for one
 * record type has {@code audit.action.CODE.type} too, as CREATE for persons and organisations). A code without a
 * message (written by a newer feature) is shown as it is. The codes themselves are defined where they are written
 * (registry.AuditActions, access.UserAudit, exchange.RoundStates, …); {@code AuditWordsTest} holds this list to
 * them.
 */
@Component
class AuditWords {

    /** Every action written, in the order of the features. */
    static final List<String> ACTIONS = List.of("CREATE", "CORRECT", "ADD_EVENT", "BULK_LOAD", "REQUEST_ORIGIN_CHANGE",
            "DECIDE_ORIGIN_CHANGE", "RECORD_STATEMENT", "OPEN_EXCHANGE", "SUBMIT_LIST_VERSION", "DECIDE_MATCH",
            "PROPOSE_EXCHANGE_LIST_VERSION", "SUBMIT_EXCHANGE_LIST_VERSION", "APPROVE_EXCHANGE_LIST_VERSION",
            "AGREE_EXCHANGE", "RECORD_HANDOVER_OUTCOME", "REQUEST_HANDOVER_COMPLETION", "EXECUTE_EXCHANGE",
            "STORE_EXCHANGE_REPORT", "ABANDON_EXCHANGE", "USER_CREATE", "USER_DISABLE", "USER_ENABLE",
            "USER_RESET_PASSWORD", "USER_CHANGE_PASSWORD", "USER_BASELINE", "USER_LOCKOUT", "REFUSE", "REFUSE_TALLY",
            "EXPORT_PERSONS", "PRINT_CAPTURE_CARDS", "SAVE_IMPORT_MAPPING", "BUNDLE_EXPORT", "BUNDLE_IMPORT",
            "SET_PUBLIC_KEY",
            "RECORD_TRACING_REQUEST", "ADD_TRACING_CANDIDATES", "DECIDE_TRACING_CANDIDATE", "ANSWER_TRACING_REQUEST",
            "CLOSE_TRACING_REQUEST", "FREEZE_FIGURES");

    /** Every record type written: by changes, and by refusals (what was refused). */
    static final List<String> RECORD_TYPES = List.of("person", "event", "origin-change", "origin change",
            "statement", "exchange", "exchange-list-version", "exchange-confirmation", "exchange-release-list-version",
            "exchange-approval", "exchange-handover-entry", "exchange-completion-request", "exchange-report",
            "organisation", "user", "token", "audit-entry", "checkpoint", "client", "request", "person-list",
            "import-mapping", "import", "import-upload", "notification-bundle", "capture-card",
            "tracing-request", "tracing-candidate", "figure", "figures-report");

    private final MessageSource messages;

    AuditWords(MessageSource messages) {
        this.messages = messages;
    }

    /** An action in words; for its record type where it has words of its own. */
    String action(String action, String recordType, Locale locale) {
        if (action == null) {
            return null;
        }
        String specific = recordType == null ? null
                : messages.getMessage(actionKey(action) + "." + key(recordType), null, null, locale);
        return specific != null ? specific : messages.getMessage(actionKey(action), null, action, locale);
    }

    String recordType(String recordType, Locale locale) {
        return recordType == null ? null : messages.getMessage(recordTypeKey(recordType), null, recordType, locale);
    }

    static String actionKey(String action) {
        return "audit.action." + key(action);
    }

    static String recordTypeKey(String recordType) {
        return "audit.recordType." + key(recordType);
    }

    /** A code as part of a message key: refusals name one record type with a space ("origin change"). */
    private static String key(String code) {
        return code.replace(' ', '-');
    }
}
