package org.parley.access;

import org.springframework.context.ApplicationContext;

/** For tests of other packages: stores the refusals and failed logins counted so far, as the minute's job would. */
public final class StoredRefusals {

    private StoredRefusals() {
    }

    public static void storeAll(ApplicationContext context) {
        context.getBean(RefusalCounts.class).storeAll();
    }
}
