package org.parley.access;

import org.parley.api.Caller;
import org.parley.api.RefusalRecorder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every refused access in table {@code access_refusal}, in a transaction of its own so that it survives
 * the rollback of the refused request. The audit log takes these entries over.
 */
@Component
class RefusalLog implements RefusalRecorder {

    private static final int MAX_PATH = 500;

    private final JdbcClient jdbc;

    RefusalLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(Caller caller, String method, String path, int status, String recordType, String recordId,
            String reason) {
        jdbc.sql("insert into access_refusal (username, organisation_code, method, path, status, record_type, "
                        + "record_id, reason) values (:username, :organisation, :method, :path, :status, :type, :id, "
                        + ":reason)")
                .param("username", caller == null ? null : caller.username())
                .param("organisation", caller == null ? null : caller.organisation())
                .param("method", method)
                .param("path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path)
                .param("status", status).param("type", recordType).param("id", recordId).param("reason", reason)
                .update();
    }
}
